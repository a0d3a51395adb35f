package uk.mash.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical serialisation of an entry and the chain's hash, exactly as README.md states them
 * so that an outsider can re-verify the log:
 *
 * <pre>
 * canonical(entry) = UTF-8 of the JSON object
 *   {"actor":{"agency":A,"sub":S},"caseId":C,"data":D,"eventId":E,"occurredAt":O,
 *    "recordedAt":R,"sequence":N,"source":U,"type":T}
 * hash = lowercase hex SHA-256( ASCII(previousHash) || canonical(entry) ), genesis previousHash = 64 x "0"
 * </pre>
 *
 * JSON here: keys sorted by code point, no whitespace, non-ASCII written as UTF-8, strings escaped
 * as Python's {@code json.dumps(..., ensure_ascii=False)} does ({@code \" \\ \b \f \n \r \t}, other
 * control characters (backslash, u, four lower-case hex digits) in lower case), integers in plain decimal. Instants as ISO-8601
 * UTC with the fraction only as long as needed ({@link DateTimeFormatter#ISO_INSTANT}).
 */
public final class CanonicalForm {

    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final long FIRST_FOUR_DIGIT_YEAR = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long LAST_FOUR_DIGIT_YEAR = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L + 86_399L;

    private static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private CanonicalForm() {
    }

    /** The data as it will be stored and hashed. */
    public static String json(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** The instant as stored (PostgreSQL keeps microseconds). */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String instant(Instant instant) {
        StringBuilder out = new StringBuilder(27);
        instant(stored(instant), out);
        return out.toString();
    }

    /**
     * {@link DateTimeFormatter#ISO_INSTANT} of an instant already at microseconds, written by hand for
     * years 0000-9999 (the formatter costs a microsecond an instant, two per entry verified).
     */
    private static void instant(Instant t, StringBuilder out) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds > LAST_FOUR_DIGIT_YEAR) {
            out.append(DateTimeFormatter.ISO_INSTANT.format(t));
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int time = (int) Math.floorMod(seconds, 86_400L);
        digits(date.getYear(), 4, out);
        digits(date.getMonthValue(), 2, out.append('-'));
        digits(date.getDayOfMonth(), 2, out.append('-'));
        digits(time / 3600, 2, out.append('T'));
        digits(time / 60 % 60, 2, out.append(':'));
        digits(time % 60, 2, out.append(':'));
        int nanos = t.getNano();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(nanos / 1_000_000, 3, out);
            } else if (nanos % 1_000 == 0) {
                digits(nanos / 1_000, 6, out);
            } else {
                digits(nanos, 9, out);
            }
        }
        out.append('Z');
    }

    private static void digits(int value, int width, StringBuilder out) {
        int start = out.length();
        for (int i = 0; i < width; i++) {
            out.append('0');
        }
        for (int i = start + width - 1; i >= start; i--, value /= 10) {
            out.setCharAt(i, (char) ('0' + value % 10));
        }
    }

    /** canonical(entry): the fields of the entry that the hash covers, data embedded as stored. */
    public static String entry(long sequence, String eventId, String type, String source, String caseId,
                               Instant occurredAt, Instant recordedAt, String actorSub, String actorAgency,
                               String data) {
        StringBuilder out = new StringBuilder(data.length() + 256);
        out.append("{\"actor\":{\"agency\":");
        string(actorAgency, out);
        out.append(",\"sub\":");
        string(actorSub, out);
        out.append("},\"caseId\":");
        string(caseId, out);
        out.append(",\"data\":").append(data);
        out.append(",\"eventId\":");
        string(eventId, out);
        out.append(",\"occurredAt\":\"");
        instant(stored(occurredAt), out);
        out.append("\",\"recordedAt\":\"");
        instant(stored(recordedAt), out);
        out.append('"');
        out.append(",\"sequence\":").append(sequence);
        out.append(",\"source\":");
        string(source, out);
        out.append(",\"type\":");
        string(type, out);
        return out.append('}').toString();
    }

    public static String entry(AuditEntry e) {
        return entry(e.sequence(), e.eventId(), e.type(), e.source(), e.caseId(), e.occurredAt(), e.recordedAt(),
                e.actorSub(), e.actorAgency(), e.data());
    }

    /** SHA-256 over the previous hash (64 ASCII hex characters) followed by the canonical entry. */
    public static String hash(String previousHash, String canonicalEntry) {
        MessageDigest sha = SHA_256.get(); // one per thread: a verification hashes every entry of the log
        sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(canonicalEntry.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha.digest());
    }

    /** The hash the entry should have, from its own fields and its stored previous hash. */
    public static String expectedHash(AuditEntry e) {
        return hash(e.previousHash(), entry(e));
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(BY_CODE_POINT);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> it = node.elements();
            for (boolean first = true; it.hasNext(); first = false) {
                if (!first) {
                    out.append(',');
                }
                write(it.next(), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            // MASH events carry no fractional numbers; should one arrive it is kept in plain decimal
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            string(node.asText(), out);
        }
    }

    private static void string(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
