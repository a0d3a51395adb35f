package uk.mash.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.InboundHealth;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * PostgreSQL killed while events keep arriving: audit waits (not ready, nothing acknowledged, no
 * fail-stop), and once the database is back every event is in the log exactly once, none went to
 * the dead letters, the chain verifies, and audit is ready again by itself.
 */
@QuarkusTest
class DatabaseOutageIT {

    @Test
    void eventsArrivingWhilePostgresIsDownAreAllRecordedOnceItIsBackAndNoneIsDeadLettered() {
        UUID caseId = UUID.randomUUID();
        String key = caseId.toString();
        List<String> ids = new ArrayList<>();
        try (Events events = new Events(); TopicReader deadLetters = new TopicReader(Topics.DEAD_LETTER)) {
            for (int i = 0; i < 10; i++) {
                ids.add(events.send(key, EventTypes.CASE_READ, Instant.now(), Events.read(caseId, "screener." + i, Instant.now())));
            }
            AuditLog.awaitSequences(ids.get(0));

            TestInfrastructure.killDatabase();
            try {
                for (int i = 10; i < 40; i++) {
                    ids.add(events.send(key, EventTypes.CASE_READ, Instant.now(),
                            Events.read(caseId, "screener." + i, Instant.now())));
                }
                InboundHealth.awaitWaiting(() -> given().get("/q/health/ready").asString(), "audit-log");
            } finally {
                TestInfrastructure.startDatabase();
            }
            for (int i = 40; i < 50; i++) {
                ids.add(events.send(key, EventTypes.CASE_READ, Instant.now(), Events.read(caseId, "screener." + i, Instant.now())));
            }

            AuditLog.awaitSequences(ids.toArray(String[]::new));
            InboundHealth.awaitFlowing(() -> given().get("/q/health/ready").asString());
            for (String id : ids) {
                assertThat(AuditLog.count("SELECT count(*) FROM audit_entries WHERE event_id = ?", id))
                        .as("entries of event %s", id).isEqualTo(1);
            }
            assertThat(AuditLog.count("SELECT count(*) FROM audit_entries WHERE case_id = ? AND data LIKE '%unstorable%'",
                    key)).as("entries recorded as unstorable for an outage").isZero();
            assertThat(deadLetters.all(r -> key.equals(r.key()), Duration.ofSeconds(3)))
                    .as("events dead-lettered for an outage").isEmpty();
        }
        Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200).body("verified", equalTo(true));
    }
}
