package uk.mash.audit.log;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.mash.support.input.StrictJson;

/**
 * A log written by a test, entry by entry, as audit stores it: each event's data in canonical JSON,
 * its ce_time as {@code occurredAt}, in the order added. The data is written as the events' JSON
 * (field names of CONTRACT.md), since the replay and the report card read only the log's data.
 */
public final class LogEntries {

    /** Audit's ObjectMapper as the service configures it: ISO-8601 instants, unknown fields ignored, read strictly. */
    public static final ObjectMapper MAPPER = mapper();

    private final List<AuditEntry> entries = new ArrayList<>();

    /** Adds an entry of {@code type} whose event occurred at {@code occurredAt}. */
    public LogEntries add(String type, Instant occurredAt, Map<String, Object> data) {
        JsonNode tree = MAPPER.valueToTree(data);
        String caseId = tree.hasNonNull("caseId") ? tree.get("caseId").asText() : null;
        long sequence = entries.size() + 1;
        entries.add(new AuditEntry(sequence, UUID.randomUUID().toString(), type, "urn:mash:test", caseId, occurredAt,
                occurredAt, null, null, CanonicalForm.json(tree), null, null));
        return this;
    }

    /** Adds an entry holding a record the log could not keep as it was (only its bytes and the reason). */
    public LogEntries addUnstorable(String type, Instant occurredAt, String caseId) {
        JsonNode data = UnstorableRecord.data("a NUL in a text", "mash.case-events", 0, entries.size(), null,
                new byte[] {0}, List.of(), caseId, null);
        entries.add(new AuditEntry(entries.size() + 1, UUID.randomUUID().toString(), type, "urn:mash:test", caseId,
                occurredAt, occurredAt, null, null, CanonicalForm.json(data), null, null));
        return this;
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** An event's data from field names and values, in that order: {@code data("caseId", id, "rag", Rag.RED)}. */
    public static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
