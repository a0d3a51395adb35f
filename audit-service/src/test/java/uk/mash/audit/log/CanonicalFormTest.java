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

    static final String PYTHON_HASH = "4b998c144f6063ad77c165bc59758f44c42bf3cba1063ff92833524033f9bf46";
}
