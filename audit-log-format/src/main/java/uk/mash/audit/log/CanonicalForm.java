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
    private static final byte[] NULL = ascii("null");
    // the canonical entry's fixed text, in order, as bytes
    private static final byte[] ACTOR_AGENCY = ascii("{\"actor\":{\"agency\":");
    private static final byte[] SUB = ascii(",\"sub\":");
    private static final byte[] CASE_ID = ascii("},\"caseId\":");
    private static final byte[] DATA = ascii(",\"data\":");
    private static final byte[] EVENT_ID = ascii(",\"eventId\":");
    private static final byte[] OCCURRED_AT = ascii(",\"occurredAt\":\"");
    private static final byte[] RECORDED_AT = ascii("\",\"recordedAt\":\"");
    private static final byte[] SEQUENCE = ascii("\",\"sequence\":");
    private static final byte[] SOURCE = ascii(",\"source\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final ThreadLocal<Bytes> TEXT = ThreadLocal.withInitial(Bytes::new);
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
        Bytes out = new Bytes();
        instant(stored(instant), out);
        return new String(out.bytes, 0, out.length, StandardCharsets.US_ASCII);
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
        out.append(",\"occurredAt\":\"").append(instant(occurredAt));
        out.append("\",\"recordedAt\":\"").append(instant(recordedAt));
        out.append("\",\"sequence\":").append(sequence);
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

    /**
     * The same hash as {@code hash(previousHash, entry(...))} for a stored entry whose text fields
     * are given as the UTF-8 bytes PostgreSQL sends (null for NULL): the canonical entry is written
     * as bytes, never as Strings decoded and encoded again. Verifying a log is this, a million times.
     */
    public static String hash(String previousHash, long sequence, byte[] eventId, byte[] type, byte[] source,
                              byte[] caseId, Instant occurredAt, Instant recordedAt, byte[] actorSub,
                              byte[] actorAgency, byte[] data) {
        Bytes out = TEXT.get();
        out.length = 0;
        out.ascii(previousHash);
        out.put(ACTOR_AGENCY);
        string(actorAgency, out);
        out.put(SUB);
        string(actorSub, out);
        out.put(CASE_ID);
        string(caseId, out);
        out.put(DATA);
        out.put(data);
        out.put(EVENT_ID);
        string(eventId, out);
        out.put(OCCURRED_AT);
        instant(stored(occurredAt), out);
        out.put(RECORDED_AT);
        instant(stored(recordedAt), out);
        out.put(SEQUENCE);
        out.decimal(sequence);
        out.put(SOURCE);
        string(source, out);
        out.put(TYPE);
        string(type, out);
        out.put('}');
        MessageDigest sha = SHA_256.get();
        sha.update(out.bytes, 0, out.length);
        return HEX.formatHex(sha.digest());
    }

    /**
     * {@link DateTimeFormatter#ISO_INSTANT} of an instant already at microseconds, written by hand for
     * years 0000-9999 (the formatter costs a microsecond an instant, two per entry verified).
     */
    private static void instant(Instant t, Bytes out) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds > LAST_FOUR_DIGIT_YEAR) {
            out.ascii(DateTimeFormatter.ISO_INSTANT.format(t));
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int time = (int) Math.floorMod(seconds, 86_400L);
        int year = date.getYear();
        out.two(year / 100);
        out.two(year % 100);
        out.put('-');
        out.two(date.getMonthValue());
        out.put('-');
        out.two(date.getDayOfMonth());
        out.put('T');
        out.two(time / 3600);
        out.put(':');
        out.two(time / 60 % 60);
        out.put(':');
        out.two(time % 60);
        int nanos = t.getNano();
        if (nanos != 0) {
            out.put('.');
            int millis = nanos / 1_000_000;
            out.put('0' + millis / 100);
            out.two(millis % 100);
            int rest = nanos % 1_000_000;
            if (rest != 0) {
                int micros = rest / 1_000;
                out.put('0' + micros / 100);
                out.two(micros % 100);
                if (rest % 1_000 != 0) {
                    int n = rest % 1_000;
                    out.put('0' + n / 100);
                    out.two(n % 100);
                }
            }
        }
        out.put('Z');
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
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** The same escapes on UTF-8 bytes: every byte of a multi-byte character is 0x80 or above, so copied as it is. */
    private static void string(byte[] value, Bytes out) {
        if (value == null) {
            out.put(NULL);
            return;
        }
        out.put('"');
        int from = 0;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            if (b >= 0 && (b < 0x20 || b == '"' || b == '\\')) {
                out.put(value, from, i - from);
                out.ascii(escape((char) b));
                from = i + 1;
            }
        }
        out.put(value, from, value.length - from);
        out.put('"');
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growing byte buffer, one per thread, for the canonical entry being hashed. */
    private static final class Bytes {
        byte[] bytes = new byte[2048];
        int length;

        void put(int b) {
            room(1);
            bytes[length++] = (byte) b;
        }

        /** Two decimal digits. */
        void two(int value) {
            room(2);
            bytes[length++] = (byte) ('0' + value / 10);
            bytes[length++] = (byte) ('0' + value % 10);
        }

        void put(byte[] b) {
            put(b, 0, b.length);
        }

        void put(byte[] b, int from, int count) {
            room(count);
            System.arraycopy(b, from, bytes, length, count);
            length += count;
        }

        /** A non-negative whole number in decimal, a negative one through Long.toString. */
        void decimal(long value) {
            if (value < 0) {
                ascii(Long.toString(value));
                return;
            }
            int digits = 1;
            for (long v = value; v >= 10; v /= 10) {
                digits++;
            }
            room(digits);
            for (int i = length + digits - 1; i >= length; i--, value /= 10) {
                bytes[i] = (byte) ('0' + value % 10);
            }
            length += digits;
        }

        /** Text known to be ASCII (keys, digits, hex hashes). */
        void ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
