package uk.mash.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and hash are exactly what README.md tells an outsider; the expected values
 * here were computed by the README's Python verifier, not by this code.
 */
class CanonicalFormTest {

    private static final String DATA = "{\"summary\":\"Tŷ Newydd \\\"quoted\\\"\\nline\\u0001\",\"caseId\":\"c1\",\"b\":[1,true,null]}";

    @Test
    void dataIsWrittenWithSortedKeysNoWhitespaceAndPythonsEscapes() throws Exception {
        String canonical = CanonicalForm.json(new ObjectMapper().readTree(DATA));
        assertThat(canonical).isEqualTo("{\"b\":[1,true,null],\"caseId\":\"c1\",\"summary\":\"Tŷ Newydd \\\"quoted\\\"\\nline\\u0001\"}");
    }

    @Test
    void theHashOfAKnownEntryIsWhatTheReadmeVerifierComputes() throws Exception {
        String data = CanonicalForm.json(new ObjectMapper().readTree(DATA));
        String entry = CanonicalForm.entry(1, "e-1", "mash.case.risk-rated.v1", "urn:mash:test", "c1",
                Instant.parse("2026-11-20T22:15:00Z"), Instant.parse("2026-11-20T22:15:00.123456Z"), "screener.alun",
                "CHILDRENS_SERVICES", data);
        assertThat(entry).isEqualTo("{\"actor\":{\"agency\":\"CHILDRENS_SERVICES\",\"sub\":\"screener.alun\"},"
                + "\"caseId\":\"c1\",\"data\":" + data + ",\"eventId\":\"e-1\",\"occurredAt\":\"2026-11-20T22:15:00Z\","
                + "\"recordedAt\":\"2026-11-20T22:15:00.123456Z\",\"sequence\":1,\"source\":\"urn:mash:test\","
                + "\"type\":\"mash.case.risk-rated.v1\"}");
        assertThat(CanonicalForm.hash(CanonicalForm.GENESIS, entry)).isEqualTo(PYTHON_HASH);
    }

    @Test
    void anInstantKeepsMicrosecondsAsPostgresqlDoes() {
        assertThat(CanonicalForm.instant(Instant.parse("2026-11-20T22:15:00.123456789Z"))).isEqualTo("2026-11-20T22:15:00.123456Z");
    }

    @Test
    void anInstantIsWrittenAsIsoInstantWritesIt() {
        java.util.Random random = new java.util.Random(1);
        java.util.List<Instant> instants = new java.util.ArrayList<>(java.util.List.of(Instant.EPOCH,
                Instant.parse("2026-11-20T22:15:00Z"), Instant.parse("2026-11-20T22:15:00.120Z"),
                Instant.parse("2026-11-20T22:15:00.000001Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH.minusSeconds(62_200_000_000L).plusMillis(500)));
        for (int i = 0; i < 10_000; i++) {
            long micros = random.nextLong(-70_000_000_000_000_000L, 260_000_000_000_000_000L);
            instants.add(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS));
            instants.add(Instant.ofEpochSecond(micros / 1_000_000, random.nextInt(1000) * 1_000_000L));
        }
        for (Instant t : instants) {
            assertThat(CanonicalForm.instant(t)).as(t.toString())
                    .isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT.format(CanonicalForm.stored(t)));
        }
    }

    @Test
    void theHashOfStoredBytesIsTheHashOfTheCanonicalEntry() throws Exception {
        String data = CanonicalForm.json(new ObjectMapper().readTree(DATA));
        Instant occurred = Instant.parse("2026-11-20T22:15:00Z");
        Instant recorded = Instant.parse("2026-11-20T22:15:00.123456Z");
        assertThat(CanonicalForm.hash(CanonicalForm.GENESIS, 1, utf8("e-1"), utf8("mash.case.risk-rated.v1"),
                utf8("urn:mash:test"), utf8("c1"), occurred, recorded, utf8("screener.alun"), utf8("CHILDRENS_SERVICES"),
                utf8(data))).isEqualTo(PYTHON_HASH);

        java.util.Random random = new java.util.Random(3);
        String alphabet = "aZ09 -:.\"\\\b\f\n\r\t\u0001\u001fŷé€😀{}";
        for (int i = 0; i < 2_000; i++) {
            String[] text = new String[6];
            for (int k = 0; k < text.length; k++) {
                if (random.nextInt(5) == 0) {
                    continue; // null
                }
                StringBuilder b = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    int at = random.nextInt(alphabet.length());
                    b.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet.substring(at, at + 2)
                            : Character.isLowSurrogate(alphabet.charAt(at)) ? "x" : alphabet.substring(at, at + 1));
                }
                text[k] = b.toString();
            }
            String json = CanonicalForm.json(new ObjectMapper().createObjectNode().put("v", text[0]).put("w", i));
            Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1_000L);
            String previous = CanonicalForm.hash(CanonicalForm.GENESIS, "x" + i);
            String expected = CanonicalForm.hash(previous, CanonicalForm.entry(i, text[1], String.valueOf(text[2]), text[3],
                    text[4], at, at.plusMillis(i), text[5], text[0], json));
            assertThat(CanonicalForm.hash(previous, i, utf8(text[1]), utf8(String.valueOf(text[2])), utf8(text[3]),
                    utf8(text[4]), at, at.plusMillis(i), utf8(text[5]), utf8(text[0]), utf8(json)))
                    .as("entry %d", i).isEqualTo(expected);
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static final String PYTHON_HASH = "4b998c144f6063ad77c165bc59758f44c42bf3cba1063ff92833524033f9bf46";
}
