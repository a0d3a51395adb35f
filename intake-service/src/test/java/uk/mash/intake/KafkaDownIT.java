package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * The choice of README's "No acknowledgement without durability": with Kafka away, a report is
 * still accepted (it is in intake's database, in the outbox) and reaches mash.reports when Kafka returns.
 */
@QuarkusTest
class KafkaDownIT {

    @Test
    void aReportAcceptedWhileKafkaIsDownIsPublishedWhenKafkaReturns() {
        TestInfrastructure.pauseBroker();
        String reportId;
        try {
            reportId = Requests.submit(Requests.report()).then().statusCode(202).extract().path("reportId");
            Requests.as("screener", "CHILDRENS_SERVICES").get("/api/v1/reports/" + reportId)
                    .then().statusCode(200).body("status", equalTo("RECEIVED"));
            assertThat(IntakeDatabase.count(
                    "SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL", reportId))
                    .as("waiting in the outbox while Kafka is away").isEqualTo(1);
        } finally {
            TestInfrastructure.resumeBroker();
        }

        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            String id = reportId;
            topic.await(r -> id.equals(r.key()), Duration.ofSeconds(90));
        }
        assertThat(IntakeDatabase.count(
                "SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NOT NULL", reportId))
                .isEqualTo(1);
    }

    /**
     * Kafka going away while the relay is sending (reports submitted in a burst, the broker stopped right
     * after): every report still reaches mash.reports once Kafka returns, each under one {@code ce_id}
     * however often it was sent (a consumer drops the repeats), and every one is marked published.
     */
    @Test
    void reportsInFlightWhenKafkaGoesAwayAreAllPublishedOnceWhenItReturns() {
        List<String> reportIds = new ArrayList<>();
        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            for (int i = 0; i < 20; i++) {
                reportIds.add(Requests.submit(Requests.report()).then().statusCode(202).extract().path("reportId"));
            }
            TestInfrastructure.pauseBroker();
            try {
                for (int i = 0; i < 10; i++) {
                    reportIds.add(Requests.submit(Requests.report()).then().statusCode(202).extract().path("reportId"));
                }
            } finally {
                TestInfrastructure.resumeBroker();
            }

            for (String id : reportIds) {
                topic.await(r -> id.equals(r.key()), Duration.ofSeconds(90));
            }
            Map<String, Set<String>> eventIdsByReport = topic.all(r -> reportIds.contains(r.key()), Duration.ofSeconds(1))
                    .stream().collect(Collectors.groupingBy(TopicReader.Received::key,
                            Collectors.mapping(r -> r.header("ce_id"), Collectors.toSet())));
            assertThat(eventIdsByReport).hasSize(reportIds.size());
            assertThat(eventIdsByReport.values()).as("one ce_id per report, however often it was sent")
                    .allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> IntakeDatabase.count(
                "SELECT count(*) FROM outbox WHERE message_key = ANY (?) AND published_at IS NOT NULL",
                (Object) reportIds.toArray(String[]::new)) == reportIds.size());
    }
}
