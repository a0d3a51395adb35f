package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TopicReader;

@QuarkusTest
@TestProfile(OverdueProfiles.ClockTicking.class)
class OverdueClockTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void aCaseWithNoDecisionByItsDueTimeIsOverdueAndTheEventIsPublished() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Gethin", "Price-" + UUID.randomUUID().toString().substring(0, 8), null));
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            new Screening(mapper).send(report);
            String caseId = Screening.caseOf(report).getString("caseId");

            await().atMost(Duration.ofSeconds(30)).until(() -> Screening.screener().get("/api/v1/cases/" + caseId)
                    .then().extract().jsonPath().getBoolean("overdue"));
            caseEvents.await(r -> caseId.equals(r.key()) && "mash.case.decision-overdue.v1".equals(r.header("ce_type")),
                    Duration.ofSeconds(30));
            assertThat(Screening.screener().queryParam("overdue", true).queryParam("size", 500).get("/api/v1/cases")
                    .then().extract().jsonPath().getList("items.caseId")).contains(caseId);
        }
    }

    @Test
    void theClockSurvivesARestartOfTheService() {
        String caseId = System.getProperty(OverdueProfiles.CASE_LEFT_BEFORE_RESTART);
        assertThat(caseId).as("OverdueBeforeRestartTest ran first, on the service before this restart").isNotNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> Screening.screener().get("/api/v1/cases/" + caseId)
                .then().extract().jsonPath().getBoolean("overdue"));
    }

    @Test
    void aCaseDecidedInTimeIsNeverOverdue() throws Exception {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Ifan", "Price-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");
        Screening.screener().body("{\"outcome\": \"INFORMATION_AND_ADVICE\", \"rationale\": \"Signposted to Families First\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(200);

        Thread.sleep(3_500); // past due, and three ticks of the clock
        assertThat(Screening.screener().get("/api/v1/cases/" + caseId).then().extract().jsonPath()
                .getBoolean("overdue")).isFalse();
    }
}
