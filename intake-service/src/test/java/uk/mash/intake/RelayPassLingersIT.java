package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TopicReader;

/**
 * At a moderate rate one relay pass carries many reports: once all it sent is acknowledged, a pass waits
 * {@code mash.outbox.linger} (0.1 s) for another commit before it ends, so a report submitted just after
 * the last one went out is sent, acknowledged and marked in the same pass's transaction (the marks'
 * {@code now()}, the transaction's start, is the same) rather than in a pass, a claim and a commit of its own.
 * Without the linger the first pass ends as soon as its report is acknowledged.
 */
@QuarkusTest
class RelayPassLingersIT {

    @Test
    void aReportSubmittedJustAfterTheLastWentOutIsMarkedInTheSamePass() {
        try (TopicReader reports = new TopicReader(Topics.REPORTS)) {
            // warmed up, so the timing below is the relay's
            String warmUp = submitReport();
            reports.await(r -> warmUp.equals(r.key()), Duration.ofSeconds(60));

            String first = submitReport();
            reports.await(r -> first.equals(r.key()), Duration.ofSeconds(10));
            String next = submitReport();
            reports.await(r -> next.equals(r.key()), Duration.ofSeconds(10));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> IntakeDatabase.count(
                    "SELECT count(*) FROM outbox WHERE message_key IN (?, ?) AND published_at IS NOT NULL",
                    first, next) == 2);
            assertThat(IntakeDatabase.count(
                    "SELECT count(DISTINCT published_at) FROM outbox WHERE message_key IN (?, ?)", first, next))
                    .as("both marked by one pass's transaction").isEqualTo(1);
        }
    }

    private static String submitReport() {
        return Requests.submit(Requests.report()).then().statusCode(202).extract().path("reportId");
    }
}
