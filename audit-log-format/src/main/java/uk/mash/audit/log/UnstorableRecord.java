package uk.mash.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The data of an entry for a record the log could not hold as it arrived (audit-service README
 * "Records PostgreSQL cannot hold"): the record's bytes in base64, so nothing of it is lost, and
 * the reason, naming no value. All of it is ASCII, so it is stored, hashed and verified like any
 * other entry, and the chain goes on past it.
 *
 * <pre>
 * {"caseId": C, "reportId": R,
 *  "unstorable": {"reason": "...", "topic": T, "partition": P, "offset": O,
 *                 "key": B64, "value": B64, "headers": [{"name": B64, "value": B64}, ...]}}
 * </pre>
 * {@code caseId} and {@code reportId} are there only when the record's own were readable and
 * storable, so the entry still belongs to its case; {@code key}, {@code value} and a header's
 * value are null when the record had none.
 */
public final class UnstorableRecord {

    /** The field that marks an entry's data as an unstorable record; never a field of a MASH event. */
    public static final String FIELD = "unstorable";

    /** One Kafka header as received. */
    public record Header(String name, byte[] value) {
    }

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final String CANONICAL_OPENING = "\"" + FIELD + "\":{\"headers\":[";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnstorableRecord() {
    }

    public static ObjectNode data(String reason, String topic, int partition, long offset, byte[] key, byte[] value,
                                  List<Header> headers, String caseId, String reportId) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (caseId != null) {
            data.put("caseId", caseId);
        }
        if (reportId != null) {
            data.put("reportId", reportId);
        }
        ObjectNode raw = data.putObject(FIELD);
        raw.put("reason", reason);
        raw.put("topic", topic);
        raw.put("partition", partition);
        raw.put("offset", offset);
        raw.put("key", base64(key));
        raw.put("value", base64(value));
        ArrayNode list = raw.putArray("headers");
        for (Header h : headers) {
            list.addObject().put("name", base64(h.name().getBytes(StandardCharsets.UTF_8)))
                    .put("value", base64(h.value()));
        }
        return data;
    }

    /** True for the data of an entry recorded in this form: replay and report card have no event to read in it. */
    public static boolean is(JsonNode data) {
        return data != null && data.isObject() && data.has(FIELD);
    }

    /**
     * True for an entry's stored (canonical) data in this form. Folds over many entries call it, so it
     * parses only data that holds the form's opening as written canonically (keys sorted).
     */
    public static boolean is(String canonicalData) {
        if (canonicalData == null || !canonicalData.contains(CANONICAL_OPENING)) {
            return false;
        }
        try {
            return is(JSON.readTree(canonicalData));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Why the record is in this form (names no value); null for other data. */
    public static String reason(JsonNode data) {
        return is(data) ? data.get(FIELD).path("reason").asText(null) : null;
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : BASE64.encodeToString(bytes);
    }
}
