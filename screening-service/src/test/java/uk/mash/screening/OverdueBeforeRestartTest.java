package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.events.ReportReceived;

/**
 * First half of the restart proof: a case whose decision falls due while nothing is watching.
 * OverdueClockTest, run next on a restarted service, finds it overdue.
 */
@QuarkusTest
@TestProfile(OverdueProfiles.ClockStopped.class)
class OverdueBeforeRestartTest {

    @Inject
    ObjectMapper mapper;

    @Test
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
}
