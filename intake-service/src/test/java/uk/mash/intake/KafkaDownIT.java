package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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
}
