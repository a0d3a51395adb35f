package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import uk.mash.testsupport.TopicReader;
import uk.mash.testsupport.TopicWriter;

/**
 * Referrer feedback is applied a batch of case events at a time, in one transaction
 * (Inbound.processBatch). Each test writes a case's events in one request, so they reach the
 * consumer in one poll: they are applied in the order published, a bad one among them costs only
 * itself, and the same events delivered again change nothing.
 */
@QuarkusTest
class BatchedFeedbackIT {

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

    private String field(String sub, String reportId, String field) {
        return Requests.as("referrer", "EDUCATION", sub).get("/api/v1/reports/" + reportId).then().statusCode(200)
                .extract().path(field);
    }

    private void awaitStatus(String sub, String reportId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(field(sub, reportId, "status")));
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void opened(UUID caseId, String reportId, String ceId) {
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), ceId, EventTypes.CASE_OPENED, SCREENING, Instant.now(),
                json(new CaseOpened(caseId, "MASH-2026-990301", UUID.fromString(reportId), Instant.now(),
                        Instant.now().plusSeconds(86_400), List.of(), List.of(), null, false, List.of())));
    }

    private void decided(UUID caseId, Outcome outcome, String ceId) {
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), ceId, EventTypes.DECISION_RECORDED, SCREENING,
                Instant.now(), json(new DecisionRecorded(caseId, "MASH-2026-990301", UUID.randomUUID(), outcome,
                        List.of(Route.CHILDREN), "Rationale", "sw.owen", null, Instant.now(), true, null, null, null,
                        List.of(), List.of(), List.of())));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCasesEventsInOneBatchAreAppliedInOrderAndOnlyTheBadOneIsDeadLettered() {
        String reportId = submit("dsl.batch");
        UUID caseId = UUID.randomUUID();
        String badData = "{\"caseId\": \"" + caseId + "\"}";

        List<RecordMetadata> written = writer.together(() -> {
            opened(caseId, reportId, id());
            decided(caseId, Outcome.EARLY_HELP, id());
            writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), id(), EventTypes.DECISION_RECORDED, SCREENING,
                    Instant.now(), badData);
            decided(caseId, Outcome.CHILD_PROTECTION_STRATEGY, id());
        });

        // in order: opened, then decided, then decided again by the later decision; out of order the
        // report would stay SCREENING or keep the earlier outcome
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "CHILD_PROTECTION_STRATEGY".equals(field("dsl.batch", reportId, "outcome")));
        assertThat(field("dsl.batch", reportId, "status")).isEqualTo("DECIDED");
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
            opened(caseId, reportId, openedId);
            decided(caseId, Outcome.INFORMATION_AND_ADVICE, firstDecisionId);
        };
        writer.together(batch);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "INFORMATION_AND_ADVICE".equals(field("dsl.batch-again", reportId, "outcome")));
        decided(caseId, Outcome.EARLY_HELP, id());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "EARLY_HELP".equals(field("dsl.batch-again", reportId, "outcome")));

        // the first batch again, as a broker redelivers it (same ce_ids), then a marker on the same
        // case (same partition), applied only after the redelivered events
        String marker = submit("dsl.batch-again");
        writer.together(() -> {
            batch.run();
            opened(caseId, marker, id());
        });
        awaitStatus("dsl.batch-again", marker, "SCREENING");
        assertThat(field("dsl.batch-again", reportId, "outcome")).isEqualTo("EARLY_HELP");
        assertThat(field("dsl.batch-again", reportId, "status")).isEqualTo("DECIDED");
    }
}
