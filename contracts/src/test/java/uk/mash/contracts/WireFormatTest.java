package uk.mash.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.contracts.events.ReferralRouted;

/**
 * Pins the CloudEvents data JSON that the services exchange on Kafka: for every ce_type of
 * {@link EventTypes}, the record and {@code golden/<ce_type>.json} must agree in both directions,
 * so renaming, retyping or reformatting a field fails here before it breaks a consumer.
 */
class WireFormatTest {

    private static final Pattern CE_TYPE = Pattern.compile("mash\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
    private static final String UNKNOWN_FIELD = "fieldFromAFutureVersion";

    private static final ObjectMapper MAPPER = WireJson.mapper();

    static Stream<String> ceTypes() {
        return EventTypes.DATA_TYPES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ceTypes")
    void everyEventMatchesItsGoldenJson(String ceType) throws IOException {
        Record event = GoldenEvents.BY_TYPE.get(ceType);

        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(event));

        assertSameJson(written, WireJson.golden(ceType), ceType + " as the services write it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ceTypes")
    void everyGoldenJsonReadsAsItsEvent(String ceType) throws IOException {
        byte[] golden = WireJson.goldenBytes(ceType);

        Record read = MAPPER.readValue(golden, EventTypes.DATA_TYPES.get(ceType));

        assertThat(read).as(ceType + " read from its golden file").isEqualTo(GoldenEvents.BY_TYPE.get(ceType));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ceTypes")
    void readersTolerateUnknownFields(String ceType) throws IOException {
        JsonNode golden = WireJson.golden(ceType);
        JsonNode newer = golden.deepCopy();

        addUnknownFieldToEveryObject(newer);

        assertThat((Object) newer).as("the JSON a newer producer might send").isNotEqualTo(golden);
        Record read = MAPPER.readValue(MAPPER.writeValueAsBytes(newer), EventTypes.DATA_TYPES.get(ceType));
        assertThat(read).as(ceType + " read with unknown fields").isEqualTo(GoldenEvents.BY_TYPE.get(ceType));
    }

    /** Otherwise the tolerant-reader test would prove nothing about the records themselves. */
    @Test
    void theServicesMapperAloneWouldRejectUnknownFields() {
        String json = "{\"name\": \"Cerys\", \"" + UNKNOWN_FIELD + "\": 1}";

        assertThatThrownBy(() -> MAPPER.readValue(json, StrictRecord.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void unknownFieldsAreAddedAtTheTopAndInsideNestedObjects() {
        JsonNode newer = WireJson.golden(EventTypes.REPORT_RECEIVED).deepCopy();

        addUnknownFieldToEveryObject(newer);

        assertThat(newer.has(UNKNOWN_FIELD)).as("top level").isTrue();
        assertThat(newer.path("submittedBy").has(UNKNOWN_FIELD)).as("submittedBy").isTrue();
        assertThat(newer.path("subjects").get(0).has(UNKNOWN_FIELD)).as("a subject").isTrue();
        assertThat(newer.path("subjects").get(0).path("address").has(UNKNOWN_FIELD)).as("a subject's address").isTrue();
        assertThat(newer.path("police").path("officer").has(UNKNOWN_FIELD)).as("police.officer").isTrue();
    }

    @Test
    void everyEventTypeHasAGoldenFileAndEveryGoldenFileAnEventType() throws IOException, URISyntaxException {
        URL dir = WireFormatTest.class.getClassLoader().getResource(WireJson.GOLDEN_DIR);
        assertThat(dir).as("golden/ on the test classpath").isNotNull();
        Set<String> goldenTypes;
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            goldenTypes = files.map(file -> file.getFileName().toString())
                    .map(name -> name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(goldenTypes).containsExactlyInAnyOrderElementsOf(EventTypes.DATA_TYPES.keySet());
    }

    @Test
    void everyEventTypeIsAVersionedMashType() {
        assertThat(EventTypes.DATA_TYPES.keySet())
                .isNotEmpty()
                .allSatisfy(ceType -> assertThat(ceType).matches(CE_TYPE));
    }

    @Test
    void everyEventTypeConstantHasItsDataRecord() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }

        assertThat(constants).containsExactlyInAnyOrderElementsOf(EventTypes.DATA_TYPES.keySet());
    }

    @Test
    void everyGoldenExampleIsAnInstanceOfItsEventsRecord() {
        assertThat(GoldenEvents.BY_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.DATA_TYPES.keySet());
        GoldenEvents.BY_TYPE.forEach((ceType, event) ->
                assertThat(event).as(ceType).isExactlyInstanceOf(EventTypes.DATA_TYPES.get(ceType)));
    }

    /**
     * A field left null in every example would be pinned only as {@code null}: retyping it would
     * go unnoticed. So each field of each record, events and the values inside them, has a value
     * in at least one golden example.
     */
    @Test
    void goldenExamplesGiveEveryFieldAValue() throws ReflectiveOperationException {
        Map<String, Set<String>> fields = new TreeMap<>();
        Map<String, Set<String>> filled = new TreeMap<>();
        for (Record event : GoldenEvents.BY_TYPE.values()) {
            collectFields(event, fields, filled);
        }
        fields.forEach((type, names) -> names.removeAll(filled.getOrDefault(type, Set.of())));
        fields.values().removeIf(Set::isEmpty);

        assertThat(fields).as("record fields without a value in any golden example").isEmpty();
        assertThat(filled.keySet()).as("records the golden examples reach").contains(
                Actor.class.getName(), Referrer.class.getName(), Subject.class.getName(), Address.class.getName(),
                PoliceReference.class.getName(), PoliceOfficer.class.getName());
    }

    @Test
    void policeReferralLeavesConcernsOutRatherThanSendingNull() throws IOException {
        ReferralRouted policeReferral = GoldenEvents.POLICE_REFERRAL_ROUTED;
        assertThat(policeReferral.concerns()).isNull();

        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(policeReferral));

        assertThat(written.has("concerns")).as("a concerns key in " + written).isFalse();
        assertThat(written.path("queue").asText()).isEqualTo("POLICE");
        assertThat(written.path("subjects").size()).isEqualTo(3);
        assertThat(written.path("policeReferences").size()).isEqualTo(1);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(written), ReferralRouted.class)).isEqualTo(policeReferral);
    }

    private static void assertSameJson(JsonNode actual, JsonNode expected, String what) throws IOException {
        assertThat((Object) actual)
                .withFailMessage("%s differs from the golden file at %s%nwritten:%n%s%ngolden:%n%s",
                        what, differences(actual, expected, ""), pretty(actual), pretty(expected))
                .isEqualTo(expected);
    }

    /** The JSON pointers where two trees differ, to read before the full documents. */
    private static List<String> differences(JsonNode actual, JsonNode expected, String at) {
        List<String> found = new ArrayList<>();
        if (actual.isObject() && expected.isObject()) {
            Set<String> names = new TreeSet<>();
            actual.fieldNames().forEachRemaining(names::add);
            expected.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode a = actual.get(name);
                JsonNode e = expected.get(name);
                if (a == null || e == null) {
                    found.add(at + "/" + name + (a == null ? " (missing from what was written)" : " (not in the golden file)"));
                } else {
                    found.addAll(differences(a, e, at + "/" + name));
                }
            }
        } else if (actual.isArray() && expected.isArray() && actual.size() == expected.size()) {
            for (int i = 0; i < actual.size(); i++) {
                found.addAll(differences(actual.get(i), expected.get(i), at + "/" + i));
            }
        } else if (!actual.equals(expected)) {
            found.add(at + " (written " + actual + ", golden " + expected + ")");
        }
        return found;
    }

    private static String pretty(JsonNode node) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** Adds an unknown field, with a structured value a reader must skip whole, to this object and every one inside it. */
    private static void addUnknownFieldToEveryObject(JsonNode node) {
        for (JsonNode child : node) {
            addUnknownFieldToEveryObject(child);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode unknown = object.putObject(UNKNOWN_FIELD);
            unknown.put("since", "v2");
            unknown.putArray("values").add(1).add("two").addNull().addObject().put("deeper", true);
        }
    }

    private static void collectFields(Object value, Map<String, Set<String>> fields, Map<String, Set<String>> filled)
            throws ReflectiveOperationException {
        if (value instanceof Record record) {
            String type = record.getClass().getName();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(component.getName());
                Object fieldValue = component.getAccessor().invoke(record);
                boolean empty = fieldValue == null || (fieldValue instanceof Collection<?> c && c.isEmpty());
                if (!empty) {
                    filled.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(component.getName());
                }
                collectFields(fieldValue, fields, filled);
            }
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                collectFields(element, fields, filled);
            }
        }
    }

    /** A record without {@code @JsonIgnoreProperties}: what the services' mapper does on its own. */
    record StrictRecord(String name) {
    }
}
