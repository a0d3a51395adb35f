package uk.mash.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.InboundHealth;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * PostgreSQL killed while reports keep arriving: screening waits (not ready, nothing
 * acknowledged), and once the database is back every report is in exactly one case and none
 * went to the dead letters.
 */
@QuarkusTest
class DatabaseOutageIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void reportsArrivingWhilePostgresIsDownOpenTheirCasesOnceItIsBackAndNoneIsDeadLettered() {
        Screening screening = new Screening(mapper);
        ReportReceived before = Reports.school(Instant.now(), Reports.child("Sam", family(), null));
        screening.send(before);
        Screening.caseOf(before);

        List<ReportReceived> during = new ArrayList<>();
        try (TopicReader deadLetters = new TopicReader(Topics.DEAD_LETTER)) {
            TestInfrastructure.killDatabase();
            try {
                for (int i = 0; i < 8; i++) {
                    ReportReceived report = Reports.school(Instant.now(), Reports.child("Cai", family(), null));
                    screening.send(report);
                    during.add(report);
                }
                InboundHealth.awaitWaiting(() -> given().get("/q/health/ready").asString(), "reports");
            } finally {
                TestInfrastructure.startDatabase();
            }

            for (ReportReceived report : during) {
                assertThat(Screening.caseOf(report).getString("status")).isEqualTo("AWAITING_DECISION");
            }
            InboundHealth.awaitFlowing(() -> given().get("/q/health/ready").asString());
            Set<String> cases = during.stream().map(Screening::caseIdOf).collect(Collectors.toSet());
            assertThat(cases).as("one case per report").hasSize(during.size()).doesNotContainNull();
            Set<String> reports = during.stream().map(r -> r.reportId().toString()).collect(Collectors.toSet());
            assertThat(deadLetters.all(r -> reports.contains(r.key()), Duration.ofSeconds(3)))
                    .as("reports dead-lettered for an outage").isEmpty();
        }
    }

    private static String family() {
        return "Outage-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
