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

/** Who read which case, when, through which endpoint: every service's reads, audit's own included. */
@QuarkusTest
class AccessLogIT {

    @Test
    void theAccessLogAnswersWhoReadWhichCaseAndFiltersByCaseAndPerson() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String alun = "screener.alun." + UUID.randomUUID().toString().substring(0, 6);
        String bethan = "screener.bethan." + UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2026-11-21T11:40:12Z");
        try (Events events = new Events()) {
            AuditLog.awaitSequences(
                    events.send(first.toString(), EventTypes.CASE_READ, t, Events.read(first, alun, t)),
                    events.send(second.toString(), EventTypes.CASE_READ, t, Events.read(second, alun, t)),
                    events.send(first.toString(), EventTypes.CASE_READ, t, Events.read(first, bethan, t)));
        }
        JsonPath byCase = Api.auditor().queryParam("caseId", first.toString()).get("/api/v1/audit/access-log").then()
                .statusCode(200).extract().jsonPath();
        assertThat(byCase.getList("sub")).containsExactly(alun, bethan);
        assertThat(byCase.getList("endpoint")).containsOnly("GET /api/v1/cases/{caseId}");
        assertThat(byCase.getList("service")).containsOnly("screening-service");
        assertThat(byCase.getList("readAt")).containsOnly("2026-11-21T11:40:12Z");

        List<String> casesAlunRead = Api.auditor().queryParam("sub", alun).get("/api/v1/audit/access-log").then()
                .statusCode(200).extract().jsonPath().getList("caseId");
        // the two cases' reads are keyed to different partitions: audit may append them in either order
        assertThat(casesAlunRead).containsExactlyInAnyOrder(first.toString(), second.toString());

        assertThat(Api.auditor().queryParam("caseId", first.toString()).queryParam("sub", bethan)
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().jsonPath().getList("sub"))
                .containsExactly(bethan);
    }

    @Test
    void anAuditorsOwnReadOfACaseIsRecordedToo() {
        UUID caseId = UUID.randomUUID();
        try (Events events = new Events()) {
            AuditLog.awaitSequences(events.send(caseId.toString(), EventTypes.CASE_OPENED, Instant.now(),
                    Events.opened(caseId, "MASH-2026-000200", UUID.randomUUID(), Instant.now(), Rag.GREEN, false,
                            List.of(Concern.NEGLECT), Events.child("Sam", "Evans"))));
        }
        Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath reads = Api.auditor().queryParam("caseId", caseId.toString()).get("/api/v1/audit/access-log")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(reads.getList("sub")).containsExactly("auditor.tester");
            assertThat(reads.getList("service")).containsExactly("audit-service");
            assertThat(reads.getList("endpoint")).containsExactly("GET /api/v1/audit/cases/{caseId}/events");
        });
    }
}
