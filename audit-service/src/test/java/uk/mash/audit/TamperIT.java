package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;

/**
 * An insider with database superuser rights and the triggers switched off changes the log; the
 * integrity check names the first entry where the chain breaks. One test per kind of change, in
 * the style of Certificate Transparency's verifier tests. Each test puts the log back afterwards.
 */
@QuarkusTest
class TamperIT {

    /** Five events of a fresh case; returns their sequences. */
    private static List<Long> seedCase() {
        UUID caseId = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String k = caseId.toString();
        String[] ids;
        try (Events events = new Events()) {
            ids = new String[] {
                    events.send(k, EventTypes.CASE_OPENED, t, Events.opened(caseId, "MASH-2026-000100", UUID.randomUUID(), t,
                            Rag.AMBER, false, List.of(Concern.NEGLECT), Events.child("Sam", "Evans"))),
                    events.send(k, EventTypes.RISK_RATED, t.plusSeconds(1), Events.rated(caseId, Rag.AMBER, t.plusSeconds(1))),
                    events.send(k, EventTypes.RISK_RATED, t.plusSeconds(2), Events.rated(caseId, Rag.AMBER, t.plusSeconds(2))),
                    events.send(k, EventTypes.AGENCY_INFORMATION_ADDED, t.plusSeconds(3), Events.information(caseId, t.plusSeconds(3))),
                    events.send(k, EventTypes.DECISION_RECORDED, t.plusSeconds(4), Events.decided(caseId, UUID.randomUUID(),
                            Outcome.EARLY_HELP, List.of(Route.CHILDREN), t.plusSeconds(4), true, null))
            };
        }
        List<Long> sequences = AuditLog.awaitSequences(ids);
        AuditLog.awaitQuiet();
        integrity().body("verified", equalTo(true));
        return sequences;
    }

    private static ValidatableResponse integrity() {
        return Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200);
    }

    private static void assertFirstBroken(long sequence) {
        integrity().body("verified", equalTo(false)).body("firstBrokenSequence", equalTo((int) sequence));
    }

    @Test
    void aChangedDataFieldIsNamedAndARangeBeforeItStillVerifies() {
        long k = seedCase().get(2); // the second rating: AMBER
        String original = AuditLog.text("data", k);
        AuditLog.asInsider("UPDATE audit_entries SET data = replace(data, '\"rag\":\"AMBER\"', '\"rag\":\"GREEN\"') WHERE sequence = ?", k);
        try {
            assertThat(AuditLog.text("data", k)).contains("\"rag\":\"GREEN\"");
            assertFirstBroken(k);
            integrity().body("reason", equalTo("HASH_DOES_NOT_MATCH_ENTRY"));
            Api.auditor().queryParam("fromSequence", 1).queryParam("toSequence", k - 1).get("/api/v1/audit/integrity")
                    .then().statusCode(200).body("verified", equalTo(true)).body("entries", equalTo((int) k - 1));
            Api.auditor().queryParam("fromSequence", k).queryParam("toSequence", k + 2).get("/api/v1/audit/integrity")
                    .then().statusCode(200).body("verified", equalTo(false)).body("firstBrokenSequence", equalTo((int) k));
        } finally {
            AuditLog.asInsider("UPDATE audit_entries SET data = ? WHERE sequence = ?", original, k);
        }
        integrity().body("verified", equalTo(true));
    }

    @Test
    void aChangedHashIsNamed() {
        long k = seedCase().get(2);
        String original = AuditLog.text("hash", k);
        String forged = (original.charAt(0) == 'a' ? "b" : "a") + original.substring(1);
        AuditLog.asInsider("UPDATE audit_entries SET hash = ? WHERE sequence = ?", forged, k);
        try {
            assertFirstBroken(k);
        } finally {
            AuditLog.asInsider("UPDATE audit_entries SET hash = ? WHERE sequence = ?", original, k);
        }
        integrity().body("verified", equalTo(true));
    }

    @Test
    void aDeletedRowIsNamedByItsMissingSequence() {
        long k = seedCase().get(2);
        List<Object> row = AuditLog.row("SELECT * FROM audit_entries WHERE sequence = ?", k);
        AuditLog.asInsider("DELETE FROM audit_entries WHERE sequence = ?", k);
        try {
            assertFirstBroken(k);
            integrity().body("reason", equalTo("MISSING_ENTRY"));
        } finally {
            AuditLog.asInsider("INSERT INTO audit_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.toArray());
        }
        integrity().body("verified", equalTo(true));
    }

    @Test
    void anInsertedRowBreaksTheChainAtTheEntryItDisplaced() {
        long k = seedCase().get(2);
        // a careful insider: the forged entry links to entry k and carries its own correct hash
        String previous = AuditLog.text("hash", k);
        String eventId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-20T12:00:00Z");
        String data = "{\"caseId\":\"" + UUID.randomUUID() + "\",\"rag\":\"GREEN\"}";
        String hash = CanonicalForm.hash(previous, CanonicalForm.entry(k + 1, eventId, EventTypes.RISK_RATED, "urn:x",
                null, at, at, "insider", null, data));
        AuditLog.asInsiderAll(
                "UPDATE audit_entries SET sequence = sequence + 1000000000 WHERE sequence > " + k,
                "UPDATE audit_entries SET sequence = sequence - 999999999 WHERE sequence > 1000000000");
        AuditLog.asInsider("INSERT INTO audit_entries VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)", k + 1, eventId,
                EventTypes.RISK_RATED, "urn:x", java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), "insider", data,
                previous, hash);
        try {
            assertFirstBroken(k + 2);
            integrity().body("reason", equalTo("PREVIOUS_HASH_DOES_NOT_LINK"));
        } finally {
            AuditLog.asInsider("DELETE FROM audit_entries WHERE event_id = ?", eventId);
            AuditLog.asInsiderAll(
                    "UPDATE audit_entries SET sequence = sequence + 1000000000 WHERE sequence > " + (k + 1),
                    "UPDATE audit_entries SET sequence = sequence - 1000000001 WHERE sequence > 1000000000");
        }
        integrity().body("verified", equalTo(true));
    }

    @Test
    void twoSwappedRowsAreNamedAtTheFirstOfThem() {
        long k = seedCase().get(2);
        String[] swap = {
                "UPDATE audit_entries SET sequence = 9000000000 WHERE sequence = " + k,
                "UPDATE audit_entries SET sequence = " + k + " WHERE sequence = " + (k + 1),
                "UPDATE audit_entries SET sequence = " + (k + 1) + " WHERE sequence = 9000000000"};
        String before = AuditLog.text("event_id", k);
        AuditLog.asInsiderAll(swap);
        try {
            assertThat(AuditLog.text("event_id", k + 1)).isEqualTo(before);
            assertFirstBroken(k);
        } finally {
            AuditLog.asInsiderAll(swap);
        }
        integrity().body("verified", equalTo(true));
    }

    @Test
    void aSingleFlippedBitIsNamed() {
        long k = seedCase().get(2);
        String original = AuditLog.text("data", k);
        int at = original.indexOf("Rated on what is known");
        char[] chars = original.toCharArray();
        chars[at] = (char) (chars[at] ^ 0x01); // 'R' becomes 'S'
        AuditLog.asInsider("UPDATE audit_entries SET data = ? WHERE sequence = ?", new String(chars), k);
        try {
            assertFirstBroken(k);
        } finally {
            AuditLog.asInsider("UPDATE audit_entries SET data = ? WHERE sequence = ?", original, k);
        }
        integrity().body("verified", equalTo(true));
    }
}
