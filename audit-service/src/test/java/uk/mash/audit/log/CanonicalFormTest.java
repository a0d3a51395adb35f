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

    static final String PYTHON_HASH = "4b998c144f6063ad77c165bc59758f44c42bf3cba1063ff92833524033f9bf46";
}
