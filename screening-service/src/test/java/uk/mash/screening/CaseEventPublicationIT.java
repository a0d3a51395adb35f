package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;
import uk.mash.testsupport.TopicWriter;

/** The event store is the outbox of mash.case-events; unreadable reports go to mash.dead-letter. */
@QuarkusTest
class CaseEventPublicationIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void aDecisionRecordedWhileKafkaIsDownIsPublishedWhenKafkaReturns() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Mali", "Rees-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");

        TestInfrastructure.pauseBroker();
        try {
            Screening.screener().body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Families First support\"}")
                    .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(200);
        } finally {
            TestInfrastructure.resumeBroker();
        }

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            caseEvents.await(r -> caseId.equals(r.key()) && "mash.case.decision-recorded.v1".equals(r.header("ce_type")),
                    Duration.ofSeconds(120));
            List<TopicReader.Received> ofCase = caseEvents.all(r -> caseId.equals(r.key()), Duration.ofSeconds(1));
            assertThat(ofCase).extracting(r -> r.header("ce_type"))
                    .containsSubsequence("mash.case.opened.v1", "mash.case.decision-recorded.v1");
            // a re-send after the outage carries the same ce_id, so consumers can drop it
            assertThat(ofCase.stream().map(r -> r.header("ce_type") + r.header("ce_id")).distinct().count())
                    .isEqualTo(ofCase.stream().map(r -> r.header("ce_type")).distinct().count());
        }
    }

    @Test
    void anUnreadableReportGoesToTheDeadLetterTopicAndTheNextReportIsStillScreened() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(Topics.DEAD_LETTER); TopicWriter writer = new TopicWriter()) {
            writer.raw(Topics.REPORTS, poisonKey, "{\"reportId\": \"not-a-uuid\", \"subjects\": 7");

            TopicReader.Received dead = deadLetters.await(r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead.header("dead-letter-reason")).isNotBlank();
            assertThat(dead.header("dead-letter-topic")).isEqualTo(Topics.REPORTS);
        }
        ReportReceived next = Reports.school(Instant.now(),
                Reports.child("Tomos", "Rees-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(next);
        assertThat(Screening.caseOf(next).getString("status")).isEqualTo("AWAITING_DECISION");
    }
}
