package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TopicReader;

/**
 * The case's processors are woken when its events are in the database, also when the command joined a
 * transaction already running (a report screened with the case directory; a decision with it): with
 * their polling backstop a minute apart here, the view and mash.case-events still follow in seconds.
 */
@QuarkusTest
@TestProfile(EventStoreWakeUpIT.PollingAMinuteApart.class)
class EventStoreWakeUpIT {

    public static class PollingAMinuteApart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mash.screening.event-fetch-delay", "PT60S");
        }
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void aScreenedReportAndARecordedDecisionReachTheViewAndTheTopicWithoutWaitingForAPoll() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Mali", "Rees-" + UUID.randomUUID().toString().substring(0, 8), null));
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            new Screening(mapper).send(report);
            String[] caseId = new String[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                caseId[0] = Screening.caseIdOf(report);
                return caseId[0] != null && Screening.screener().get("/api/v1/cases/" + caseId[0]).statusCode() == 200;
            });

            String status = Screening.screener()
                    .body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support offered\"}")
                    .post("/api/v1/cases/" + caseId[0] + "/decision").then().statusCode(200).extract().path("status");

            assertThat(status).as("the answer shows the decision: the view was woken by its commit").isEqualTo("DECIDED");
            caseEvents.await(r -> caseId[0].equals(r.key())
                    && "mash.case.decision-recorded.v1".equals(r.header("ce_type")), Duration.ofSeconds(15));
        }
    }
}
