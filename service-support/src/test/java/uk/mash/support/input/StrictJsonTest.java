package uk.mash.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;

/** What the strict mapper refuses, what it still reads, and that every event of the wire format still reads. */
class StrictJsonTest {

    /** A request with one field of each kind a request has. */
    record Sample(String summary, Boolean immediateRisk, LocalDate dateOfBirth, Instant incidentAt,
                  List<Concern> concerns, Concern concern, Integer count, UUID reportId) {
    }

    /** Quarkus's ObjectMapper as the services get it: its modules and defaults, then our customizer. */
    static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        new StrictJson().customize(mapper);
        return mapper;
    }

    private final ObjectMapper mapper = strictMapper();

    static Stream<Arguments> coercions() {
        return Stream.of(
                Arguments.of("a number as a summary", "{\"summary\": 5}", "summary"),
                Arguments.of("a decimal as a summary", "{\"summary\": 1.5}", "summary"),
                Arguments.of("a boolean as a summary", "{\"summary\": true}", "summary"),
                Arguments.of("a list as a summary", "{\"summary\": [\"hungry\"]}", "summary"),
                Arguments.of("a number as immediateRisk", "{\"immediateRisk\": 12345}", "immediateRisk"),
                Arguments.of("zero as immediateRisk", "{\"immediateRisk\": 0}", "immediateRisk"),
                Arguments.of("a string as immediateRisk", "{\"immediateRisk\": \"true\"}", "immediateRisk"),
                Arguments.of("an empty string as immediateRisk", "{\"immediateRisk\": \"\"}", "immediateRisk"),
                Arguments.of("an empty string as a date", "{\"dateOfBirth\": \"\"}", "dateOfBirth"),
                Arguments.of("a blank string as a date", "{\"dateOfBirth\": \" \"}", "dateOfBirth"),
                Arguments.of("a number as a date", "{\"dateOfBirth\": 12345}", "dateOfBirth"),
                Arguments.of("an array as a date", "{\"dateOfBirth\": [2016, 3, 1]}", "dateOfBirth"),
                Arguments.of("a date with spaces around it", "{\"dateOfBirth\": \" 2016-03-01\"}", "dateOfBirth"),
                Arguments.of("a number as an instant", "{\"incidentAt\": 1700000000}", "incidentAt"),
                Arguments.of("a decimal as an instant", "{\"incidentAt\": 1.5}", "incidentAt"),
                Arguments.of("an empty string as an instant", "{\"incidentAt\": \"\"}", "incidentAt"),
                Arguments.of("ordinals as concerns", "{\"concerns\": [1, 2]}", "concerns[0]"),
                Arguments.of("an ordinal as a concern", "{\"concerns\": [\"NEGLECT\", 5]}", "concerns[1]"),
                Arguments.of("an ordinal in a string", "{\"concerns\": [\"3\"]}", "concerns[0]"),
                Arguments.of("a concern with a trailing space", "{\"concerns\": [\"NEGLECT \"]}", "concerns[0]"),
                Arguments.of("a concern with a leading space", "{\"concern\": \" NEGLECT\"}", "concern"),
                Arguments.of("a concern in lower case", "{\"concern\": \"neglect\"}", "concern"),
                Arguments.of("an empty concern", "{\"concern\": \"\"}", "concern"),
                Arguments.of("a boolean as a concern", "{\"concern\": true}", "concern"),
                Arguments.of("a string where a list is expected", "{\"concerns\": \"NEGLECT\"}", "concerns"),
                Arguments.of("an empty string where a list is expected", "{\"concerns\": \"\"}", "concerns"),
                Arguments.of("a string as a number", "{\"count\": \"5\"}", "count"),
                Arguments.of("a decimal as a whole number", "{\"count\": 1.5}", "count"),
                Arguments.of("an empty string as a number", "{\"count\": \"\"}", "count"),
                Arguments.of("an empty string as a UUID", "{\"reportId\": \"\"}", "reportId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coercions")
    void aValueOfTheWrongTypeIsRefusedNamingItsPath(String what, String json, String path) {
        assertThatThrownBy(() -> mapper.readValue(json, Sample.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo(path));
    }

    @Test
    void valuesWrittenAsTheContractShowsThemAreRead() throws Exception {
        Sample sample = mapper.readValue("""
                {"summary": "Sam often arrives hungry.", "immediateRisk": false, "dateOfBirth": "2016-03-01",
                 "incidentAt": "2026-11-20T22:15:00Z", "concerns": ["NEGLECT", "EMOTIONAL_ABUSE"], "concern": "OTHER",
                 "count": 3, "reportId": "3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4"}""", Sample.class);

        assertThat(sample).isEqualTo(new Sample("Sam often arrives hungry.", false, LocalDate.parse("2016-03-01"),
                Instant.parse("2026-11-20T22:15:00Z"), List.of(Concern.NEGLECT, Concern.EMOTIONAL_ABUSE), Concern.OTHER,
                3, UUID.fromString("3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4")));
        assertThat(mapper.readValue("{\"summary\": null, \"dateOfBirth\": null, \"concerns\": null}", Sample.class))
                .isEqualTo(new Sample(null, null, null, null, null, null, null, null));
        assertThat(mapper.readValue("{\"incidentAt\": \"2026-11-20T23:15:00+01:00\"}", Sample.class).incidentAt())
                .isEqualTo(Instant.parse("2026-11-20T22:15:00Z"));
    }

    /** Kafka consumers and screening's Axon serializer use this mapper: the events we write must still read. */
    @Test
    void everyEventOfTheWireFormatReadsAndWritesBackUnchanged() throws Exception {
        Path golden = Path.of("..", "contracts", "src", "test", "resources", "golden");
        assertThat(EventTypes.DATA_TYPES).isNotEmpty();
        for (var type : EventTypes.DATA_TYPES.entrySet()) {
            String json = Files.readString(golden.resolve(type.getKey() + ".json"));
            Object event = mapper.readValue(json, type.getValue());
            assertThat(mapper.readTree(mapper.writeValueAsString(event))).as(type.getKey())
                    .isEqualTo(mapper.readTree(json));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "." + ref.getFieldName())
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
