package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TestInfrastructure;

/**
 * First half of the restart proof: a case whose decision falls due while nothing is watching.
 * OverdueClockIT, run next on a restarted service, finds it overdue.
 */
@QuarkusTest
@TestProfile(OverdueProfiles.ClockStopped.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverdueBeforeRestartIT {

    @Inject
    ObjectMapper mapper;

    @Test
    @Order(1)
    void aCaseFallsDueWhileTheClockIsStopped() throws Exception {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Elis", "Price-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");

        Thread.sleep(2_500); // past decisionDueBy, with no clock running
        assertThat(Screening.screener().get("/api/v1/cases/" + caseId).then().extract().jsonPath()
                .getBoolean("overdue")).isFalse();
        System.setProperty(OverdueProfiles.CASE_LEFT_BEFORE_RESTART, caseId);
    }

    @Test
    @Order(1)
    void aRequestForInformationFallsDueWhileTheClockIsStopped() throws Exception {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Nia", "Price-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");
        String requestId = Screening.screener()
                .body("{\"agencies\": [\"HEALTH\"], \"question\": \"Is Nia registered with a GP?\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests")
                .then().statusCode(200).extract().jsonPath().getString("informationRequests[0].requestId");

        Thread.sleep(2_500); // past dueBy (AMBER's limit is 2 s here), with no clock running
        assertThat(Screening.screener().get("/api/v1/cases/" + caseId).then().extract().jsonPath()
                .getBoolean("informationRequests[0].overdue")).isFalse();
        System.setProperty(OverdueProfiles.REQUEST_LEFT_BEFORE_RESTART, caseId + "/" + requestId);
    }

    @Test
    @Order(2) // last: Kafka stays away until the restarted service is up
    void aRatingIsStoredWhileKafkaIsDownAndTheServiceStopsBeforePublishingIt() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Bethan", "Price-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");

        // Kafka stays away until the restarted service is up (OverdueClockIT resumes it)
        TestInfrastructure.pauseBroker();
        System.setProperty(OverdueProfiles.BROKER_PAUSED, "true");
        Screening.screener().body("{\"rag\": \"AMBER\", \"rationale\": \"Rated while Kafka was away\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200);
        System.setProperty(OverdueProfiles.CASE_RATED_BEFORE_RESTART, caseId);
    }
}
