package uk.mash.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.events.CaseRead;
import uk.mash.contracts.events.DecisionRecorded;

/** Every event record has exactly one ce_type, so a publisher never has to spell one. */
class EventTypesTest {

    @Test
    void everyEventRecordHasExactlyOneType() throws Exception {
        List<Class<?>> records = eventRecords();
        assertThat(records).as("the records of uk.mash.contracts.events").hasSizeGreaterThanOrEqualTo(13);

        for (Class<?> event : records) {
            assertThat(EventTypes.isEvent(event)).as(event.getSimpleName() + " has a ce_type").isTrue();
            assertThat(EventTypes.DATA_TYPES.entrySet().stream().filter(e -> e.getValue() == event))
                    .as(event.getSimpleName() + " under one ce_type only").hasSize(1);
            assertThat(EventTypes.DATA_TYPES.get(EventTypes.typeOf(event))).isEqualTo(event);
        }
        assertThat(EventTypes.DATA_TYPES.values().stream().map(Class::getName))
                .as("and every ce_type's record is one of them")
                .containsExactlyInAnyOrderElementsOf(records.stream().map(Class::getName).toList());
    }

    @Test
    void aRecordIsPublishedUnderItsType() {
        assertThat(EventTypes.typeOf(DecisionRecorded.class)).isEqualTo("mash.case.decision-recorded.v1");
        assertThat(EventTypes.typeOf(CaseRead.class)).isEqualTo("mash.access.case-read.v1");
    }

    @Test
    void aClassOutsideTheContractHasNoType() {
        assertThat(EventTypes.isEvent(Subject.class)).isFalse();
        assertThatThrownBy(() -> EventTypes.typeOf(Map.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an event");
    }

    /** Every record class compiled into the events package, found on disk so a new one cannot be forgotten. */
    private static List<Class<?>> eventRecords() throws Exception {
        URL dir = CaseRead.class.getResource(".");
        assertThat(dir).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .<Class<?>>map(n -> load(CaseRead.class.getPackageName() + "." + n.substring(0, n.length() - 6)))
                    .filter(Class::isRecord)
                    .sorted(java.util.Comparator.comparing(Class::getName))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
