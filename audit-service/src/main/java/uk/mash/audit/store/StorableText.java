package uk.mash.audit.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * What the log's PostgreSQL can hold as it is, known before an append tries it. Text cannot hold
 * U+0000, nor can jsonb (which the log's queries read data as); a lone UTF-16 surrogate has no
 * UTF-8 form, so the driver would store "?" instead and the entry would no longer be what was
 * received. Identifiers are indexed, and an index row is at most about 2.7 kB, so one longer than
 * {@link #IDENTIFIER_BYTES} is not kept as an identifier. Reasons name the problem, never the value.
 */
public final class StorableText {

    public static final int IDENTIFIER_BYTES = 1024;

    private StorableText() {
    }

    /** Why the text cannot be stored as it is; null when it can (null text can). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone UTF-16 surrogate";
            }
        }
        return null;
    }

    /** {@link #problem(String)}, or too long to be indexed. */
    public static String identifierProblem(String text) {
        String problem = problem(text);
        if (problem == null && text != null && text.length() > IDENTIFIER_BYTES / 4
                && text.getBytes(StandardCharsets.UTF_8).length > IDENTIFIER_BYTES) {
            return "more than " + IDENTIFIER_BYTES + " bytes";
        }
        return problem;
    }

    /** The first problem of any string or field name in the data; null when all of it can be stored. */
    public static String problem(JsonNode data) {
        if (data == null) {
            return null;
        }
        if (data.isTextual()) {
            return problem(data.textValue());
        }
        if (data.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = problem(field.getKey());
                if (problem == null) {
                    problem = problem(field.getValue());
                }
                if (problem != null) {
                    return problem;
                }
            }
        } else if (data.isArray()) {
            for (JsonNode element : data) {
                String problem = problem(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }
}
