package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.outbox.OutboxStore;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * Replicas of a service share its outbox and relay it one at a time: while another replica holds the
 * outbox (here, this test, through the same advisory lock), this one sends nothing; once it lets go,
 * this one takes over and sends what waited.
 */
@QuarkusTest
class OneRelayAtATimeIT {

    @Test
    void whileAnotherReplicaRelaysThisOneSendsNothingAndTakesOverWhenItStops() throws Exception {
        try (TopicReader reports = new TopicReader(Topics.REPORTS);
             Connection otherReplica = TestInfrastructure.database().connect()) {
            holdRelay(otherReplica);

            String reportId = Requests.as("referrer", "EDUCATION", "dsl.jones").body(Requests.report())
                    .post("/api/v1/reports").then().statusCode(202).extract().path("reportId");

            assertThat(reports.all(r -> reportId.equals(r.key()), Duration.ofSeconds(4)))
                    .as("sent by nobody while another replica holds the outbox").isEmpty();

            try (PreparedStatement s = otherReplica.prepareStatement(
                    "SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                s.setString(1, OutboxStore.RELAY_LOCK);
                s.execute();
            }
            reports.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(reports.all(r -> reportId.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    /** Takes the outbox as another replica's relay would (waiting for this one's pass to end, if it is in one). */
    private static void holdRelay(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
            s.setString(1, OutboxStore.RELAY_LOCK);
            s.execute();
        }
    }
}
