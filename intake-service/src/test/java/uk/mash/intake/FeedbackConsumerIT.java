package uk.mash.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.InboundHealth;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;
import uk.mash.testsupport.TopicWriter;

/**
 * The referrer-feedback consumer through the one inbound mechanism: poison on mash.case-events is
 * dead-lettered while the feedback behind it flows, a redelivered decision changes nothing, and a
 * PostgreSQL outage is waited out with nothing dead-lettered and nothing lost. Records written
 * together reach the consumer in one batch (one transaction): a case's events in it are applied in
 * order, only a bad one among them is dead-lettered, and the batch delivered again changes nothing.
 */
@QuarkusTest
class FeedbackConsumerIT {

    private static final String SCREENING = "urn:mash:screening-service";

    @Inject
    ObjectMapper mapper;

    TopicReader deadLetters;
    TopicWriter writer;

    @BeforeEach
    void open() {
        deadLetters = new TopicReader(Topics.DEAD_LETTER);
        writer = new TopicWriter();
    }

    @AfterEach
    void close() {
        deadLetters.close();
        writer.close();
    }

    private String submit(String sub) {
        return Requests.as("referrer", "EDUCATION", sub).body(Requests.report()).post("/api/v1/reports")
                .then().statusCode(202).extract().path("reportId");
    }

    private String statusOf(String sub, String reportId) {
        return Requests.as("referrer", "EDUCATION", sub).get("/api/v1/reports/" + reportId).then().statusCode(200)
                .extract().path("status");
    }

    private String outcomeOf(String sub, String reportId) {
        return Requests.as("referrer", "EDUCATION", sub).get("/api/v1/reports/" + reportId).then().statusCode(200)
                .extract().path("outcome");
    }

    private void awaitStatus(String sub, String reportId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(statusOf(sub, reportId)));
    }

    private String opened(UUID caseId, String reportId, String reference) {
        String ceId = id();
        opened(caseId, reportId, ceId, reference);
        return ceId;
    }

    private void opened(UUID caseId, String reportId, String ceId, String reference) {
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), ceId, EventTypes.CASE_OPENED, SCREENING, Instant.now(),
                json(new CaseOpened(caseId, reference, UUID.fromString(reportId), Instant.now(),
                        Instant.now().plusSeconds(86_400), List.of(), List.of(), null, false, List.of())));
    }

    private void decided(UUID caseId, Outcome outcome, String ceId) {
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), ceId, EventTypes.DECISION_RECORDED, SCREENING,
                Instant.now(), json(decision(caseId, outcome)));
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static DecisionRecorded decision(UUID caseId, Outcome outcome) {
        return new DecisionRecorded(caseId, "MASH-2026-990101", UUID.randomUUID(), outcome, List.of(Route.CHILDREN),
                "Rationale", "sw.owen", null, Instant.now(), true, null, null, null, List.of(), List.of(), List.of());
    }

    @Test
    void poisonOnCaseEventsIsDeadLetteredAndTheFeedbackBehindItFlows() throws Exception {
        String reportId = submit("dsl.poison");
        UUID caseId = UUID.randomUUID();
        String key = caseId.toString();
        writer.raw(Topics.CASE_EVENTS, key, "not a cloud event");
        writer.cloudEvent(Topics.CASE_EVENTS, key, EventTypes.DECISION_RECORDED, SCREENING, "{\"outcome\": ");
        writer.withHeaders(Topics.CASE_EVENTS, key, "{}", Map.of("ce_specversion", "1.0", "ce_id", key,
                "ce_type", EventTypes.CASE_OPENED, "ce_source", SCREENING, "ce_time", "yesterday"));
        opened(caseId, reportId, "MASH-2026-990100");

        awaitStatus("dsl.poison", reportId, "SCREENING");
        List<TopicReader.Received> dead = deadLetters.all(r -> key.equals(r.key()), Duration.ofSeconds(10));
        assertThat(dead).extracting(r -> r.header("dead-letter-topic")).containsOnly(Topics.CASE_EVENTS);
        assertThat(dead).extracting(r -> r.header("dead-letter-reason")).anyMatch(r -> r.startsWith("Not a CloudEvent"))
                .anyMatch(r -> r.contains("not well-formed JSON"));
    }

    @Test
    void aDecisionRedeliveredAfterTheOneSupersedingItDoesNotTakeBackTheReferrersOutcome() throws Exception {
        String reportId = submit("dsl.redelivery");
        UUID caseId = UUID.randomUUID();
        opened(caseId, reportId, "MASH-2026-990101");
        DecisionRecorded first = decision(caseId, Outcome.INFORMATION_AND_ADVICE);
        String firstId = writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), EventTypes.DECISION_RECORDED,
                SCREENING, mapper.writeValueAsString(first));
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), EventTypes.DECISION_RECORDED, SCREENING,
                mapper.writeValueAsString(decision(caseId, Outcome.EARLY_HELP)));
        await().atMost(Duration.ofSeconds(60)).until(() -> "EARLY_HELP".equals(outcomeOf("dsl.redelivery", reportId)));

        // the first decision again, as a broker redelivers it: same ce_id
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), firstId, EventTypes.DECISION_RECORDED, SCREENING,
                Instant.now(), mapper.writeValueAsString(first));
        String marker = submit("dsl.redelivery");
        opened(caseId, marker, "MASH-2026-990101"); // same case, same partition: processed after the redelivery
        awaitStatus("dsl.redelivery", marker, "SCREENING");
        assertThat(outcomeOf("dsl.redelivery", reportId)).isEqualTo("EARLY_HELP");
    }

    @Test
    void feedbackArrivingWhilePostgresIsDownIsAppliedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reports.add(submit("dsl.outage"));
        }
        List<String> cases = new ArrayList<>();
        TestInfrastructure.killDatabase();
        try {
            for (String reportId : reports) {
                UUID caseId = UUID.randomUUID();
                cases.add(caseId.toString());
                opened(caseId, reportId, "MASH-2026-99020" + cases.size());
            }
            InboundHealth.awaitWaiting(() -> given().get("/q/health/ready").asString(), "case-events");
        } finally {
            TestInfrastructure.startDatabase();
        }
        for (String reportId : reports) {
            awaitStatus("dsl.outage", reportId, "SCREENING");
        }
        InboundHealth.awaitFlowing(() -> given().get("/q/health/ready").asString());
        assertThat(deadLetters.all(r -> cases.contains(r.key()), Duration.ofSeconds(3)))
                .as("feedback dead-lettered for an outage").isEmpty();
    }

    @Test
    void aCasesEventsInOneBatchAreAppliedInOrderAndOnlyTheBadOneIsDeadLettered() {
        String reportId = submit("dsl.batch");
        UUID caseId = UUID.randomUUID();
        String badData = "{\"caseId\": \"" + caseId + "\"}";

        List<RecordMetadata> written = writer.together(() -> {
            opened(caseId, reportId, id(), "MASH-2026-990301");
            decided(caseId, Outcome.EARLY_HELP, id());
            writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), id(), EventTypes.DECISION_RECORDED, SCREENING,
                    Instant.now(), badData);
            decided(caseId, Outcome.CHILD_PROTECTION_STRATEGY, id());
        });

        // in order: opened, then decided, then decided again by the later decision; out of order the
        // report would stay SCREENING or keep the earlier outcome
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "CHILD_PROTECTION_STRATEGY".equals(outcomeOf("dsl.batch", reportId)));
        assertThat(statusOf("dsl.batch", reportId)).isEqualTo("DECIDED");
        List<TopicReader.Received> dead = deadLetters.all(r -> caseId.toString().equals(r.key()), Duration.ofSeconds(3));
        assertThat(dead).as("dead letters of the batch").hasSize(1);
        TopicReader.Received letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(badData);
        assertThat(letter.header("dead-letter-reason"))
                .isEqualTo("A " + EventTypes.DECISION_RECORDED + " without 'caseId, outcome' cannot be processed");
        assertThat(letter.header("dead-letter-topic")).isEqualTo(Topics.CASE_EVENTS);
        assertThat(letter.header("dead-letter-partition")).isEqualTo(Integer.toString(written.get(2).partition()));
        assertThat(letter.header("dead-letter-offset")).isEqualTo(Long.toString(written.get(2).offset()));
    }

    @Test
    void aBatchDeliveredAgainDoesNotTakeBackTheOutcomeThatSupersededIt() {
        String reportId = submit("dsl.batch-again");
        UUID caseId = UUID.randomUUID();
        String openedId = id();
        String firstDecisionId = id();
        Runnable batch = () -> {
            opened(caseId, reportId, openedId, "MASH-2026-990302");
            decided(caseId, Outcome.INFORMATION_AND_ADVICE, firstDecisionId);
        };
        writer.together(batch);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "INFORMATION_AND_ADVICE".equals(outcomeOf("dsl.batch-again", reportId)));
        decided(caseId, Outcome.EARLY_HELP, id());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "EARLY_HELP".equals(outcomeOf("dsl.batch-again", reportId)));

        // the first batch again, as a broker redelivers it (same ce_ids), then a marker on the same
        // case (same partition), applied only after the redelivered events
        String marker = submit("dsl.batch-again");
        writer.together(() -> {
            batch.run();
            opened(caseId, marker, id(), "MASH-2026-990302");
        });
        awaitStatus("dsl.batch-again", marker, "SCREENING");
        assertThat(outcomeOf("dsl.batch-again", reportId)).isEqualTo("EARLY_HELP");
        assertThat(statusOf("dsl.batch-again", reportId)).isEqualTo("DECIDED");
    }

    @Test
    void whatAReferrerIsNotToldOfPassesInABatchWithoutAnInboxRow() {
        String reportId = submit("dsl.not-told");
        UUID caseId = UUID.randomUUID();
        String openedId = id();
        String ratedId = id();
        String decidedId = id();
        writer.together(() -> {
            opened(caseId, reportId, openedId, "MASH-2026-990303");
            // a rating is the screeners' business, not the referrer's: never read, so never dead-lettered
            writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), ratedId, EventTypes.RISK_RATED, SCREENING,
                    Instant.now(), "{\"caseId\": \"" + caseId + "\"}");
            decided(caseId, Outcome.EARLY_HELP, decidedId);
        });

        awaitStatus("dsl.not-told", reportId, "DECIDED");
        assertThat(IntakeDatabase.count("SELECT count(*) FROM inbox WHERE event_id IN (?, ?)", openedId, decidedId))
                .as("the opening and the decision claimed").isEqualTo(2);
        assertThat(IntakeDatabase.count("SELECT count(*) FROM inbox WHERE event_id = ?", ratedId))
                .as("the rating claimed").isZero();
        assertThat(deadLetters.all(r -> caseId.toString().equals(r.key()), Duration.ofSeconds(2))).isEmpty();
    }
}
