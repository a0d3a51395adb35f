package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * An auditor's read of a case is recorded like any other read, through audit's outbox: one made while
 * Kafka is away waits in audit's database and is published once Kafka is back (it used to be sent once,
 * fire-and-forget, and lost).
 */
@QuarkusTest
class CaseReadWhileKafkaIsDownIT {

    @Test
    void anAuditorsReadWhileKafkaIsDownIsPublishedOnceKafkaIsBack() throws Exception {
        UUID caseId = UUID.randomUUID();
        try (Events events = new Events()) {
            AuditLog.awaitSequences(events.send(caseId.toString(), EventTypes.CASE_OPENED, Instant.now(),
                    Events.opened(caseId, "MASH-2026-000300", UUID.randomUUID(), Instant.now(), Rag.AMBER, false,
                            List.of(Concern.NEGLECT), Events.child("Cai", "Hughes"))));
        }

        TestInfrastructure.pauseBroker();
        try {
            Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200);
            assertThat(AuditLog.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ? "
                    + "AND published_at IS NULL", caseId.toString(), EventTypes.CASE_READ))
                    .as("the read waits in audit's outbox while Kafka is away").isEqualTo(1);
            // longer than the producer's delivery timeout: the first attempt has failed, only a retry can succeed
            Thread.sleep(12_000);
        } finally {
            TestInfrastructure.resumeBroker();
        }

        try (TopicReader topic = new TopicReader(Topics.ACCESS_EVENTS)) {
            TopicReader.Received read = topic.await(r -> caseId.toString().equals(r.key()), Duration.ofSeconds(90));
            assertThat(read.header("ce_type")).isEqualTo(EventTypes.CASE_READ);
            assertThat(read.header("ce_source")).isEqualTo("urn:mash:audit-service");
            assertThat(read.header("ce_subject")).isEqualTo(caseId.toString());
            assertThat(read.value()).contains("\"sub\":\"auditor.tester\"", "\"service\":\"audit-service\"",
                    "\"endpoint\":\"GET /api/v1/audit/cases/{caseId}/events\"");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath reads = Api.auditor().queryParam("caseId", caseId.toString()).get("/api/v1/audit/access-log")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(reads.getList("sub")).as("in audit's own log, once").containsExactly("auditor.tester");
        });
        assertThat(AuditLog.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ? "
                + "AND published_at IS NOT NULL", caseId.toString(), EventTypes.CASE_READ))
                .as("marked published once the broker had it").isEqualTo(1);
    }
}
