package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * A report does not wait for the broker's answer about events the relay sent before it. Here an
 * earlier outbox entry goes to a topic the cluster cannot acknowledge for now (kept on two brokers,
 * wanting both in sync, one of them away: with acks=all the producer retries it until its 10 s delivery
 * timeout), and a report submitted while that answer is outstanding still reaches mash.reports within
 * seconds. A relay that waited for each batch's acknowledgements before reading the next would send the
 * report only after the earlier entry timed out and the pass was tried again (about 11 s).
 *
 * <p>The outbox's producer writes to a two-broker cluster of this test's own ({@link KafkaMissingABroker});
 * the rest of intake uses the shared test broker. A pass goes on reading only for
 * {@code mash.outbox.pass-length} (half a second by default, so its marks are committed often); this test
 * lengthens it past the delivery timeout so the report's arrival does not race the end of the pass.
 */
@QuarkusTest
@TestProfile(RelayDoesNotWaitForAcknowledgementsIT.OutboxOnTwoBrokers.class)
class RelayDoesNotWaitForAcknowledgementsIT {

    private static final String UNACKNOWLEDGED_TOPIC = "test.relay.needs-both-brokers";

    public static class OutboxOnTwoBrokers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("mp.messaging.outgoing.outbox.bootstrap.servers",
                        KafkaMissingABroker.start(Topics.REPORTS, UNACKNOWLEDGED_TOPIC),
                        "mash.outbox.pass-length", "PT20S");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the second Kafka", e);
            }
        }
    }

    @Test
    void aReportSubmittedWhileAnEarlierEntryAwaitsItsAcknowledgementGoesOutAtOnce() throws Exception {
        String cluster = KafkaMissingABroker.bootstrapServers();
        try (TopicReader reports = new TopicReader(Topics.REPORTS, cluster);
             TopicReader unacknowledged = new TopicReader(UNACKNOWLEDGED_TOPIC, cluster)) {
            // the service and the readers warmed up, so the timing below is the relay's
            String warmUp = submitReport();
            reports.await(r -> warmUp.equals(r.key()), Duration.ofSeconds(60));

            UUID earlier = UUID.randomUUID();
            try {
                appendToOutbox(earlier, UNACKNOWLEDGED_TOPIC);
                // its commit wakes the relay, which reads the earlier entry and this report (written after it)
                String trigger = submitReport();
                reports.await(r -> trigger.equals(r.key()), Duration.ofSeconds(30));

                Instant submitted = Instant.now();
                String report = submitReport();
                reports.await(r -> report.equals(r.key()), Duration.ofSeconds(5));
                Duration took = Duration.between(submitted, Instant.now());

                assertThat(KafkaMissingABroker.recordsIn(UNACKNOWLEDGED_TOPIC))
                        .as("the earlier entry is still unacknowledged: the cluster has not taken it")
                        .isZero();
                System.out.printf("report on mash.reports %d ms after submission; earlier entry unacknowledged%n",
                        took.toMillis());
            } finally {
                KafkaMissingABroker.acceptOneInSync(UNACKNOWLEDGED_TOPIC);
            }
            // now writable, it is delivered by the relay's retries, and nothing is left waiting
            unacknowledged.await(r -> true, Duration.ofSeconds(60));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> IntakeDatabase.count(
                    "SELECT count(*) FROM outbox WHERE event_id = ? AND published_at IS NOT NULL", earlier) == 1);
        }
    }

    private static String submitReport() {
        return Requests.submit(Requests.report()).then().statusCode(202).extract().path("reportId");
    }

    /** An entry as any service's Outbox writes it, for the test's own topic. */
    private static void appendToOutbox(UUID eventId, String topic) throws Exception {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO outbox (event_id, topic, type, message_key, subject, occurred_at, payload)
                     VALUES (?, ?, 'uk.mash.test.unacknowledged.v1', 'test', 'test', ?, '{}')""")) {
            s.setObject(1, eventId);
            s.setString(2, topic);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }
}
