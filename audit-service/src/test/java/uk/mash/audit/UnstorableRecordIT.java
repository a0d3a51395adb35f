package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.RiskRated;
import uk.mash.testsupport.TopicReader;
import uk.mash.testsupport.TopicWriter;

/**
 * Records PostgreSQL cannot hold as they arrived (a NUL, a lone surrogate, a time it refuses) are
 * recorded all the same, as the bytes received, flagged with the reason; the records behind them
 * are appended after them, the chain verifies (also with the README's script), and replay and
 * report card pass over them. What the database refuses in every form goes to the dead letters.
 */
@QuarkusTest
class UnstorableRecordIT {

    private static final String MARK = "MARK";

    @Test
    void aReportWithANulInItsDataIsRecordedAsReceivedAndTheNextReportIsAppendedAfterIt() throws Exception {
        Instant day = Instant.parse("2032-06-15T10:00:00Z"); // no other test's reports on this day
        UUID poisoned = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        String poisonJson = withMark(Events.report(poisoned, "MASH-2032-000001", day, Agency.EDUCATION,
                List.of(Concern.NEGLECT), Events.child("Sam", "Evans" + MARK)), "\\u0000");
        String nextId;
        try (TopicWriter writer = new TopicWriter(); Events events = new Events()) {
            writer.cloudEvent(Topics.REPORTS, poisoned.toString(), poisonId, EventTypes.REPORT_RECEIVED,
                    "urn:mash:intake-service", day, poisonJson);
            // the same key, so the same partition: "behind it" is then an order Kafka keeps (across
            // partitions the consumer may take the second first)
            nextId = events.send(poisoned.toString(), EventTypes.REPORT_RECEIVED, day.plusSeconds(1), Events.report(next,
                    "MASH-2032-000002", day.plusSeconds(1), Agency.HEALTH, List.of(Concern.NEGLECT),
                    Events.child("Cai", "Jones")));
        }

        List<Long> sequences = AuditLog.awaitSequences(poisonId, nextId);
        assertThat(sequences.get(1)).as("the report behind it").isGreaterThan(sequences.get(0));
        JsonPath entry = entry(sequences.get(0));
        assertThat(entry.getString("eventId")).isEqualTo(poisonId);
        assertThat(entry.getString("type")).isEqualTo(EventTypes.REPORT_RECEIVED);
        assertThat(entry.getString("occurredAt")).isEqualTo("2032-06-15T10:00:00Z");
        assertThat(entry.getString("data.reportId")).as("still found with its report").isEqualTo(poisoned.toString());
        assertThat(entry.getString("data.unstorable.reason")).isEqualTo("the data holds a NUL character (U+0000)");
        assertThat(decoded(entry.getString("data.unstorable.value"))).as("nothing of it lost").isEqualTo(poisonJson);
        assertThat(entry.getString("data.unstorable.topic")).isEqualTo(Topics.REPORTS);
        assertThat(entry.getList("data.unstorable.headers.name").stream().map(n -> decoded((String) n)))
                .contains("ce_id", "ce_type", "ce_time");

        integrityVerifies();
        // the report card counts the report it can read, and passes over the one it cannot
        Api.as("manager").queryParam("from", "2032-06-15").queryParam("to", "2032-06-15").get("/api/v1/performance")
                .then().statusCode(200).body("contactsReceived", equalTo(1));
    }

    @Test
    void aRatingWithALoneSurrogateIsRecordedUnderItsCaseAndTheReplayPassesOverIt() {
        UUID caseId = UUID.randomUUID();
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        String k = caseId.toString();
        String poisonId = UUID.randomUUID().toString();
        String poisonJson = withMark(new RiskRated(caseId, Rag.RED, "Rated on what is known" + MARK, "screener.alun",
                Agency.CHILDRENS_SERVICES, t.plusSeconds(60)), "\\ud800");
        String opened;
        String good;
        try (TopicWriter writer = new TopicWriter(); Events events = new Events()) {
            opened = events.send(k, EventTypes.CASE_OPENED, t, Events.opened(caseId, "MASH-2026-000900",
                    UUID.randomUUID(), t, Rag.GREEN, false, List.of(Concern.NEGLECT), Events.child("Nia", "Hughes")));
            writer.cloudEvent(Topics.CASE_EVENTS, k, poisonId, EventTypes.RISK_RATED, "urn:mash:screening-service",
                    t.plusSeconds(60), poisonJson);
            good = events.send(k, EventTypes.RISK_RATED, t.plusSeconds(120), Events.rated(caseId, Rag.AMBER,
                    t.plusSeconds(120)));
        }
        AuditLog.awaitSequences(opened, poisonId, good);

        JsonPath history = Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("eventId")).containsExactly(opened, poisonId, good);
        assertThat(history.getString("[1].data.unstorable.reason")).isEqualTo("the data holds a lone UTF-16 surrogate");
        assertThat(decoded(history.getString("[1].data.unstorable.value"))).isEqualTo(poisonJson);
        // the case as it stood: the rating it can read, not the one it holds only as bytes
        Api.auditor().queryParam("asOf", t.plusSeconds(3600).toString()).get("/api/v1/audit/cases/" + caseId + "/state")
                .then().statusCode(200).body("rag", equalTo("AMBER")).body("riskRatings.size()", equalTo(1));
    }

    @Test
    void aRecordTheDatabaseRefusesIsFoundInItsBatchAndRecordedAndTheOthersAreAppended() throws Exception {
        // PostgreSQL keeps instants up to the year 294276: this one it refuses, and so the whole batch
        String before = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String key = "refused-" + UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            writer.cloudEvent(Topics.ACCESS_EVENTS, key, before, "mash.test.read.v1", "urn:mash:test",
                    Instant.parse("2026-10-02T09:00:00Z"), "{\"n\":1}");
            writer.cloudEvent(Topics.ACCESS_EVENTS, key, refused, "mash.test.read.v1", "urn:mash:test",
                    Instant.parse("+300000-01-01T00:00:00Z"), "{\"n\":2}");
            writer.cloudEvent(Topics.ACCESS_EVENTS, key, after, "mash.test.read.v1", "urn:mash:test",
                    Instant.parse("2026-10-02T09:00:02Z"), "{\"n\":3}");
        }
        List<Long> sequences = AuditLog.awaitSequences(before, refused, after);
        assertThat(sequences).isSorted();
        JsonPath entry = entry(sequences.get(1));
        assertThat(entry.getString("data.unstorable.reason")).startsWith("the database refused it: ")
                .contains("SQLState 22008");
        assertThat(decoded(entry.getString("data.unstorable.value"))).isEqualTo("{\"n\":2}");
        assertThat(entry.getList("data.unstorable.headers.value").stream().map(v -> decoded((String) v)))
                .contains("+300000-01-01T00:00:00Z");
        // no instant PostgreSQL refuses: the broker's timestamp stands in
        assertThat(Instant.parse(entry.getString("occurredAt"))).isAfter(Instant.parse("2026-01-01T00:00:00Z"))
                .isBefore(Instant.parse("3000-01-01T00:00:00Z"));
        try (TopicReader deadLetters = new TopicReader(Topics.DEAD_LETTER)) {
            assertThat(deadLetters.all(r -> key.equals(r.key()), Duration.ofSeconds(2))).isEmpty();
        }
        integrityVerifies();
    }

    @Test
    void aRecordTheDatabaseRefusesInEveryFormGoesToTheDeadLettersAndTheOthersAreAppended() {
        String refusedId = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String key = "refused-" + UUID.randomUUID();
        // the database refuses this one event whatever form it takes (a rule of its own, say)
        String trigger = "refuse_" + UUID.randomUUID().toString().substring(0, 8);
        AuditLog.asSuperuser("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.event_id = '" + refusedId + "' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '23514'; "
                        + "END IF; RETURN NEW; END; $$",
                "CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION " + trigger + "()");
        try (TopicWriter writer = new TopicWriter(); TopicReader deadLetters = new TopicReader(Topics.DEAD_LETTER)) {
            writer.cloudEvent(Topics.ACCESS_EVENTS, key, refusedId, "mash.test.read.v1", "urn:mash:test",
                    Instant.parse("2026-10-03T09:00:00Z"), "{\"n\":1}");
            writer.cloudEvent(Topics.ACCESS_EVENTS, key, after, "mash.test.read.v1", "urn:mash:test",
                    Instant.parse("2026-10-03T09:00:01Z"), "{\"n\":2}");
            AuditLog.awaitSequences(after);

            TopicReader.Received dead = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead.value()).isEqualTo("{\"n\":1}");
            assertThat(dead.header("ce_id")).isEqualTo(refusedId);
            assertThat(dead.header("dead-letter-topic")).isEqualTo(Topics.ACCESS_EVENTS);
            assertThat(dead.header("dead-letter-reason")).startsWith("the database refused it: ")
                    .contains("SQLState 23514").contains("its unstorable form too");
        } finally {
            AuditLog.asSuperuser("DROP TRIGGER " + trigger + " ON audit_entries", "DROP FUNCTION " + trigger + "()");
        }
        assertThat(AuditLog.sequenceOf(refusedId)).isNull();
        // and the dead letter itself is in the log, as a dead letter
        await().atMost(Duration.ofSeconds(30)).until(() -> AuditLog.count("SELECT count(*) FROM audit_entries"
                + " WHERE type = 'mash.dead-letter' AND (data::jsonb) -> 'headers' ->> 'ce_id' = ?", refusedId) == 1);
    }

    private static JsonPath entry(long sequence) {
        return Api.auditor().queryParam("fromSequence", sequence).queryParam("toSequence", sequence)
                .get("/api/v1/audit/export").then().statusCode(200).extract().jsonPath().setRootPath("[0]");
    }

    /** The service's integrity check, and the README's script on an export of the whole log, both pass. */
    private static void integrityVerifies() throws Exception {
        Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200).body("verified", equalTo(true));
        Assumptions.assumeTrue(available("python3", "--version"), "python3 is needed to run the README's verifier");
        Path export = Files.createTempFile("audit-export", ".json");
        Files.writeString(export, Api.auditor().get("/api/v1/audit/export").then().statusCode(200).extract().asString());
        Process p = new ProcessBuilder("python3", Path.of("tools/verify_audit_log.py").toAbsolutePath().toString(),
                export.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("chain verified");
    }

    private static String withMark(Record event, String escape) {
        try {
            String json = Events.JSON.writeValueAsString(event);
            assertThat(json).contains(MARK);
            return json.replace(MARK, escape);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
