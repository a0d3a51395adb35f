package uk.mash.audit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.audit.store.StorableText;
import uk.mash.contracts.Topics;

/**
 * One Kafka record as the log takes it: the event it carries, as it is, or, when the log's
 * PostgreSQL cannot hold that, the record itself in the lossless {@link UnstorableRecord} form
 * under the same event id and type. A record without CloudEvents headers, or whose value is not
 * JSON, is still an event (as text, under its Kafka coordinates); a dead letter is recorded as
 * itself, with all its headers, so it is never mistaken for the event it carries.
 */
final class IncomingRecord {

    static final String DEAD_LETTER_TYPE = "mash.dead-letter";
    static final String UNKNOWN_TYPE = "unknown";

    /** Thrown while reading the record as it is: it cannot be stored so, for this reason (no value in it). */
    private static final class NotStorable extends Exception {
        NotStorable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ConsumerRecord<byte[], byte[]> record;
    private final ObjectMapper mapper;

    IncomingRecord(ConsumerRecord<byte[], byte[]> record, ObjectMapper mapper) {
        this.record = record;
        this.mapper = mapper;
    }

    ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    String coordinates() {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    /** The event as it arrived, or the record in its unstorable form when the database could not hold that. */
    ReceivedEvent event() {
        try {
            return asItIs();
        } catch (NotStorable e) {
            return unstorable(e.getMessage());
        }
    }

    /**
     * The record in the lossless form (its bytes in base64, the reason), under its own event id,
     * type and source where those can be stored, otherwise under its coordinates and type
     * {@code unknown}; its {@code ce_time}, otherwise the broker's timestamp.
     */
    ReceivedEvent unstorable(String reason) {
        boolean deadLetter = Topics.DEAD_LETTER.equals(record.topic());
        String id = deadLetter ? null : headerIdentifier("ce_id");
        String type = deadLetter ? DEAD_LETTER_TYPE : headerIdentifier("ce_type");
        String source = headerIdentifier("ce_source");
        JsonNode value = readableValue();
        List<UnstorableRecord.Header> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(new UnstorableRecord.Header(h.key(), h.value()));
        }
        ObjectNode data = UnstorableRecord.data(reason, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), headers, identifier(field(value, "caseId")),
                identifier(field(value, "reportId")));
        return new ReceivedEvent(id == null ? coordinates() : id, type == null ? UNKNOWN_TYPE : type, source,
                plausibleTime(), data);
    }

    private ReceivedEvent asItIs() throws NotStorable {
        JsonNode value = parse(text(record.value(), "the value"));
        Instant time = time(text(header("ce_time"), "ce_time"), record.timestamp());
        String source = text(header("ce_source"), "ce_source");
        ReceivedEvent event;
        if (Topics.DEAD_LETTER.equals(record.topic())) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            ObjectNode headers = data.putObject("headers");
            for (Header h : record.headers()) {
                headers.put(h.key(), text(h.value(), "a header"));
            }
            data.put("key", text(record.key(), "the key"));
            data.set("value", value);
            if (value.hasNonNull("caseId")) {
                data.set("caseId", value.get("caseId"));
            }
            event = new ReceivedEvent(coordinates(), DEAD_LETTER_TYPE, source, time, data);
        } else {
            String id = text(header("ce_id"), "ce_id");
            String type = text(header("ce_type"), "ce_type");
            event = new ReceivedEvent(id == null || id.isBlank() ? coordinates() : id, type == null ? UNKNOWN_TYPE : type,
                    source, time, value);
        }
        require(StorableText.identifierProblem(event.eventId()), "ce_id");
        require(StorableText.identifierProblem(event.type()), "ce_type");
        require(StorableText.problem(event.source()), "ce_source");
        require(StorableText.identifierProblem(event.caseId()), "the caseId");
        require(StorableText.identifierProblem(event.data().path("reportId").isTextual()
                ? event.data().get("reportId").textValue() : null), "the reportId");
        require(StorableText.problem(event.data()), "the data");
        if (UnstorableRecord.is(event.data())) {
            // only audit writes that field: an event carrying it is recorded in the form, so the flag is never forged
            throw new NotStorable("the data has the field '" + UnstorableRecord.FIELD + "' of audit's unstorable form");
        }
        return event;
    }

    private static void require(String problem, String where) throws NotStorable {
        if (problem != null) {
            throw new NotStorable(where + " holds " + problem);
        }
    }

    /** UTF-8 text, strictly: bytes that are not UTF-8 would be replaced, and the entry would not be what arrived. */
    private static String text(byte[] bytes, String what) throws NotStorable {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotStorable(what + " is not UTF-8 text");
        }
    }

    private JsonNode parse(String value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode node = mapper.readTree(value);
            return node == null ? JsonNodeFactory.instance.textNode(value) : node;
        } catch (Exception e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    /** The value as JSON when it is readable as such, for the case and report it names; null otherwise. */
    private JsonNode readableValue() {
        try {
            return parse(text(record.value(), "the value"));
        } catch (NotStorable e) {
            return null;
        }
    }

    private static String field(JsonNode value, String name) {
        JsonNode field = value == null ? null : value.get(name);
        return field != null && field.isTextual() ? field.textValue() : null;
    }

    /** The header's text when it can be kept as an identifier of the entry; null otherwise. */
    private String headerIdentifier(String name) {
        try {
            return identifier(text(header(name), name));
        } catch (NotStorable e) {
            return null;
        }
    }

    private static String identifier(String text) {
        return text == null || text.isBlank() || StorableText.identifierProblem(text) != null ? null : text;
    }

    /** ce_time when it is an instant of years 1 to 9999; otherwise the broker's timestamp, which always is. */
    private Instant plausibleTime() {
        try {
            Instant t = time(text(header("ce_time"), "ce_time"), record.timestamp());
            int year = t.atOffset(ZoneOffset.UTC).getYear();
            return year >= 1 && year <= 9999 ? t : Instant.ofEpochMilli(record.timestamp());
        } catch (NotStorable e) {
            return Instant.ofEpochMilli(record.timestamp());
        }
    }

    private static Instant time(String ceTime, long recordTimestamp) {
        if (ceTime != null) {
            try {
                return OffsetDateTime.parse(ceTime).toInstant();
            } catch (RuntimeException e) {
                // not a valid instant: the broker's timestamp stands in
            }
        }
        return Instant.ofEpochMilli(recordTimestamp);
    }

    private byte[] header(String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : h.value();
    }
}
