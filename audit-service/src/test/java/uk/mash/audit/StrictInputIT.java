package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;
import uk.mash.testsupport.TestTokens;

/**
 * audit reads its query values strictly (CONTRACT.md, "Errors"): an instant, date, case id, person
 * or sequence outside its domain is 400 naming it, not a 404 or a silent default. An auditor needs
 * no agency; a manager does.
 */
@QuarkusTest
class StrictInputIT {

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "2026-11-20", "2026-11-20T22:15:00", " 2026-11-20T22:15:00Z"})
    void anAsOfThatIsNoInstantIs400(String asOf) {
        Api.auditor().queryParam("asOf", asOf).get("/api/v1/audit/cases/" + UUID.randomUUID() + "/state").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("asOf")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-case", "", "1-2-3-4-5"})
    void anAccessLogCaseIdThatIsNoUuidIs400(String caseId) {
        Api.auditor().queryParam("caseId", caseId).get("/api/v1/audit/access-log").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("caseId")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sw.owen\u0000", "\u001b[2J"})
    void anAccessLogPersonThatCannotBeAPersonIs400(String sub) {
        Api.auditor().queryParam("sub", sub).get("/api/v1/audit/access-log").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("sub")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 March", "", "2031-02-30", "2031-03-03 ", "20310303"})
    void aPeriodThatIsNoDateIs400(String from) {
        Api.as("manager").queryParam("from", from).queryParam("to", "2031-03-07").get("/api/v1/performance").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("from")));
        Api.as("manager").queryParam("from", "2031-03-01").queryParam("to", from).get("/api/v1/performance").then()
                .statusCode(400).body("violations.field", equalTo(List.of("to")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "first", "", "1.5"})
    void aSequenceOutsideTheLogIs400(String sequence) {
        Api.auditor().queryParam("fromSequence", sequence).get("/api/v1/audit/integrity").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("fromSequence")));
    }

    @Test
    void anAuditorNeedsNoAgencyAndItsReadIsRecordedWithNone() {
        UUID caseId = UUID.randomUUID();
        try (Events events = new Events()) {
            AuditLog.awaitSequences(events.send(caseId.toString(), EventTypes.CASE_OPENED, Instant.now(),
                    Events.opened(caseId, "MASH-2026-000201", UUID.randomUUID(), Instant.now(), Rag.GREEN, false,
                            List.of(Concern.NEGLECT), Events.child("Cai", "Hughes"))));
        }
        RestAssured.given().auth().oauth2(TestTokens.withoutAgency("auditor", "auditor.no-agency"))
                .get("/api/v1/audit/integrity").then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.withoutAgency("auditor", "auditor.no-agency"))
                .get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath reads = Api.auditor().queryParam("caseId", caseId.toString()).get("/api/v1/audit/access-log")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(reads.getList("sub")).containsExactly("auditor.no-agency");
            assertThat(reads.getList("agency")).containsExactly((Object) null);
        });
    }

    @Test
    void aManagerWithoutAKnownAgencyIs401() {
        RestAssured.given().auth().oauth2(TestTokens.withoutAgency("manager", "manager.someone"))
                .queryParam("from", "2031-03-01").queryParam("to", "2031-03-07").get("/api/v1/performance").then()
                .statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(TestTokens.token("manager", "HEAD_OFFICE", "manager.someone"))
                .queryParam("from", "2031-03-01").queryParam("to", "2031-03-07").get("/api/v1/performance").then()
                .statusCode(401);
    }
}
