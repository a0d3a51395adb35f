package uk.mash.audit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.log.UnstorableRecord;

/** How a Kafka record becomes an event of the log: as it is, or, when PostgreSQL cannot hold that, as its bytes. */
class IncomingRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BROKER_TIME = Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();

    @Test
    void aReadableEventIsTakenAsItIs() {
        ReceivedEvent event = event("mash.case-events", "ev-1", "2026-11-30T11:59:59Z",
                utf8("{\"caseId\":\"c-1\",\"rag\":\"RED\"}"));
        assertThat(event.eventId()).isEqualTo("ev-1");
        assertThat(event.caseId()).isEqualTo("c-1");
        assertThat(UnstorableRecord.is(event.data())).isFalse();
    }

    @Test
    void aNulInTheDataMakesTheRecordUnstorableUnderItsOwnIdTypeAndCaseWithNothingLost() {
        byte[] value = utf8("{\"caseId\":\"c-1\",\"rationale\":\"a\\u0000b\"}");
        ReceivedEvent event = event("mash.case-events", "ev-2", "2026-11-30T11:59:59Z", value);

        assertThat(event.eventId()).isEqualTo("ev-2");
        assertThat(event.type()).isEqualTo("mash.case.risk-rated.v1");
        assertThat(event.caseId()).isEqualTo("c-1");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-30T11:59:59Z"));
        assertThat(UnstorableRecord.reason(event.data())).isEqualTo("the data holds a NUL character (U+0000)");
        assertThat(Base64.getDecoder().decode(event.data().at("/unstorable/value").textValue())).isEqualTo(value);
        // all of it ASCII: stored, hashed and verified like any entry
        assertThat(CanonicalForm.json(event.data())).matches("\\p{ASCII}*");
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsTheBytesReceived() {
        byte[] value = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ReceivedEvent event = event("mash.reports", "ev-3", "2026-11-30T11:59:59Z", value);

        assertThat(UnstorableRecord.reason(event.data())).isEqualTo("the value is not UTF-8 text");
        assertThat(Base64.getDecoder().decode(event.data().at("/unstorable/value").textValue())).isEqualTo(value);
    }

    @Test
    void anIdentifierTooLongToIndexIsReplacedByTheRecordsCoordinates() {
        ReceivedEvent event = event("mash.reports", "x".repeat(2000), "2026-11-30T11:59:59Z", utf8("{}"));

        assertThat(UnstorableRecord.reason(event.data())).isEqualTo("ce_id holds more than 1024 bytes");
        assertThat(event.eventId()).isEqualTo("mash.reports/2/42");
    }

    @Test
    void aRecordTheDatabaseRefusedTakesTheBrokersTimeWhenItsOwnIsOutOfRange() {
        IncomingRecord incoming = incoming("mash.access-events", "ev-4", "+300000-01-01T00:00:00Z", utf8("{\"n\":2}"));
        assertThat(incoming.event().occurredAt().toString()).isEqualTo("+300000-01-01T00:00:00Z");

        ReceivedEvent refused = incoming.unstorable("the database refused it: PSQLException (SQLState 22008)");
        assertThat(refused.eventId()).isEqualTo("ev-4");
        assertThat(refused.occurredAt()).isEqualTo(Instant.ofEpochMilli(BROKER_TIME));
    }

    @Test
    void dataThatAlreadyCarriesTheUnstorableFlagIsItselfRecordedInTheFormSoTheFlagIsNeverForged() {
        byte[] value = utf8("{\"unstorable\":{\"headers\":[],\"reason\":\"made up\"}}");
        ReceivedEvent event = event("mash.reports", "ev-5", "2026-11-30T11:59:59Z", value);

        assertThat(UnstorableRecord.reason(event.data())).startsWith("the data has the field 'unstorable'");
        assertThat(Base64.getDecoder().decode(event.data().at("/unstorable/value").textValue())).isEqualTo(value);
    }

    private static ReceivedEvent event(String topic, String id, String time, byte[] value) {
        return incoming(topic, id, time, value).event();
    }

    private static IncomingRecord incoming(String topic, String id, String time, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", utf8(id));
        headers.add("ce_type", utf8(topic.equals("mash.case-events") ? "mash.case.risk-rated.v1" : "mash.test.v1"));
        headers.add("ce_time", utf8(time));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(topic, 2, 42, BROKER_TIME, TimestampType.CREATE_TIME,
                0, value.length, utf8("key"), value, headers, Optional.empty());
        return new IncomingRecord(record, JSON);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
