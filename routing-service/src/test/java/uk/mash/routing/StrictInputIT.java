package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.TestTokens;

/**
 * The queues read their input strictly (CONTRACT.md, "Errors"): a queue name, status, case id or
 * page outside its domain is 400 naming it; an acknowledgement of the wrong type 400, with text
 * that cannot be stored 422, and the referral stays as it was. A token without a known agency is 401.
 */
@QuarkusTest
class StrictInputIT {

    QueueTopics queues;
    DecisionRecorded decision;
    String referralId;

    @BeforeEach
    void routeToTheChildrensQueue() {
        queues = new QueueTopics();
        decision = Decisions.decision(Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN), Decisions.mixedSubjects());
        Decisions.send(decision);
        referralId = queues.referralId(Route.CHILDREN, decision.decisionId());
    }

    @AfterEach
    void close() {
        queues.close();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(value = {"status,LOST", "status,pending", "status,''", "caseId,not-a-case", "caseId,''",
            "page,-1", "page,next", "size,100000", "size,0", "size,501"}, quoteCharacter = '\'')
    void aQueryOutsideItsDomainIs400NamingTheParameter(String name, String value) {
        Api.as("queue-children").queryParam(name, value).get("/api/v1/queues/children/referrals").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"probation", "Children", "CHILDREN"})
    void aQueueNameThatIsNoQueueIs400ForEveryone(String queue) {
        for (String role : List.of("queue-children", "queue-police", "manager")) {
            Api.as(role).get("/api/v1/queues/" + queue + "/referrals").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("queue")));
        }
    }

    @Test
    void anAcknowledgementOfTheWrongTypeIs400AndTheReferralStaysPending() {
        Api.as("queue-children").body("{\"note\": 12345}")
                .post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("note")));
        Api.as("queue-children").body("{\"note\": [\"Logged\"]}")
                .post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement").then()
                .statusCode(400).body("violations.field", equalTo(List.of("note")));
        assertThat(status()).isEqualTo("PENDING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0008", "\\u007f", "\\ud83d", "\\ude1f"})
    void anAcknowledgementWhoseNoteCannotBeStoredIs422AndTheReferralStaysPending(String escape) {
        Api.as("queue-children").body("{\"note\": \"Strategy discussion " + escape + " booked\"}")
                .post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("note")));
        assertThat(status()).isEqualTo("PENDING");
    }

    @Test
    void aNoteWithLineBreaksAndTabsIsAnOrdinaryNote() {
        Api.as("queue-children").body(Map.of("note", "Booked:\tMonday\r\nwith the school \uD83D\uDE1F"))
                .post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement").then()
                .statusCode(200).body("acknowledgementNote", equalTo("Booked:\tMonday\r\nwith the school \uD83D\uDE1F"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-children", "manager"})
    void aTokenWithoutAKnownAgencyIs401AndChangesNothing(String role) {
        RestAssured.given().auth().oauth2(TestTokens.withoutAgency(role, "someone"))
                .get("/api/v1/queues/children/referrals").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(TestTokens.token(role, "CHILDRENS SERVICES", "someone"))
                .get("/api/v1/queues/children/referrals").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.withoutAgency(role, "someone"))
                .body(Map.of("note", "x")).post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement")
                .then().statusCode(401);
        assertThat(status()).isEqualTo("PENDING");
    }

    private String status() {
        return RoutingDatabase.strings("SELECT status FROM referrals WHERE referral_id = ?::uuid", referralId).get(0);
    }
}
