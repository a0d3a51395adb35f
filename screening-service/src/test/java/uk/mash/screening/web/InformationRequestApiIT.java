package uk.mash.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.Reports;
import uk.mash.screening.Screening;

/**
 * Requests for information between agencies through the API (CONTRACT.md): who may ask, answer,
 * decline and list, the consent gate, due times by rating, and the 403s, 404s, 409s and 422s.
 */
@QuarkusTest
class InformationRequestApiIT {

    private static final String ASK_THREE = "{\"agencies\": [\"HEALTH\", \"EDUCATION\", \"POLICE\"],"
            + " \"question\": \"What do you know of this family?\"}";
    private static final String OVERRIDE = ", \"consentOverride\": \"Asking the mother would alert the alleged perpetrator\"";

    @Inject
    ObjectMapper mapper;

    /** A school's report: consent GIVEN. */
    private String caseWithConsent() {
        ReportReceived report = Reports.school(Instant.now(), child());
        new Screening(mapper).send(report);
        return Screening.caseOf(report).getString("caseId");
    }

    /** A police notification: consent NOT_SOUGHT. */
    private String caseWithoutConsent() {
        ReportReceived report = Reports.police(Instant.now(), PoliceRiskGrade.MEDIUM, child());
        new Screening(mapper).send(report);
        return Screening.caseOf(report).getString("caseId");
    }

    private static uk.mash.contracts.Subject child() {
        return Reports.child("Cai", "Morgan-" + UUID.randomUUID().toString().substring(0, 8), null);
    }

    private static JsonPath ask(String caseId, String body) {
        return Screening.screener().body(body).post("/api/v1/cases/" + caseId + "/information-requests")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String requestTo(JsonPath view, String agency) {
        return view.getString("informationRequests.find { it.agency == '" + agency + "' }.requestId");
    }

    @Test
    void eachAgencyNamedIsAskedOnceDueBySixHoursOnAnUnratedCase() {
        String caseId = caseWithConsent();

        JsonPath view = ask(caseId, ASK_THREE);

        assertThat(view.getString("consent")).isEqualTo("GIVEN");
        assertThat(view.getList("informationRequests.agency")).containsExactly("HEALTH", "EDUCATION", "POLICE");
        assertThat(view.getList("informationRequests.status")).containsOnly("OPEN");
        assertThat(view.getList("informationRequests.requestedBy")).containsOnly("sw.owen");
        assertThat(view.getList("informationRequests.requestedByAgency")).containsOnly("CHILDRENS_SERVICES");
        Instant requestedAt = Instant.parse(view.getString("informationRequests[0].requestedAt"));
        assertThat(Instant.parse(view.getString("informationRequests[0].dueBy")))
                .isEqualTo(requestedAt.plus(Duration.ofHours(6)));
        assertThat(view.getInt("version")).isEqualTo(3);
    }

    @Test
    void withoutConsentAskingNeedsAReasonAndNothingIsRecordedWithoutOne() {
        String caseId = caseWithoutConsent();

        Screening.screener().body(ASK_THREE).post("/api/v1/cases/" + caseId + "/information-requests").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("consentOverride"));
        Screening.screener().get("/api/v1/cases/" + caseId).then()
                .body("informationRequests", org.hamcrest.Matchers.empty()).body("consent", equalTo("NOT_SOUGHT"));

        JsonPath view = ask(caseId, ASK_THREE.replace("}", OVERRIDE + "}"));
        assertThat(view.getList("informationRequests.consentOverride"))
                .containsOnly("Asking the mother would alert the alleged perpetrator");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no agencies            | {\"agencies\": [], \"question\": \"q\"}                        | 422 | agencies",
            "an unknown agency      | {\"agencies\": [\"HEALTH\", \"NASA\"], \"question\": \"q\"}    | 422 | agencies[1]",
            "an agency named twice  | {\"agencies\": [\"HEALTH\", \"HEALTH\"], \"question\": \"q\"}  | 422 | agencies",
            "no question            | {\"agencies\": [\"HEALTH\"]}                                  | 422 | question",
            "an agency as a number  | {\"agencies\": [3], \"question\": \"q\"}                       | 400 | agencies[0]",
            "agencies as one string | {\"agencies\": \"HEALTH\", \"question\": \"q\"}                | 400 | agencies"})
    void aRequestThatBreaksARuleIsRefusedNamingTheField(String what, String body, int status, String field) {
        String caseId = caseWithConsent();
        Screening.screener().body(body).post("/api/v1/cases/" + caseId + "/information-requests").then()
                .statusCode(status).body("violations.field", hasItem(field));
        Screening.screener().get("/api/v1/cases/" + caseId).then().body("version", equalTo(0));
    }

    @Test
    void anAgencyWithAnOpenRequestIsNotAskedTwice() {
        String caseId = caseWithConsent();
        ask(caseId, "{\"agencies\": [\"HEALTH\"], \"question\": \"GP?\"}");

        Screening.screener().body("{\"agencies\": [\"EDUCATION\", \"HEALTH\"], \"question\": \"Again?\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests").then()
                .statusCode(409).contentType("application/problem+json");
        Screening.screener().get("/api/v1/cases/" + caseId).then()
                .body("informationRequests.agency", equalTo(List.of("HEALTH")));
    }

    @Test
    void theAgencyAskedAnswersAndTheAnswerJoinsTheCasesAgencyInformation() {
        String caseId = caseWithConsent();
        String health = requestTo(ask(caseId, ASK_THREE), "HEALTH");
        String answer = "{\"summary\": \"Nothing known to health visiting.\", \"legalBasis\": \"CONSENT\"}";

        JsonPath view = Screening.as("screener", "HEALTH", "hv.roberts").body(answer)
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/answer")
                .then().statusCode(200).extract().jsonPath();

        assertThat(view.getString("informationRequests.find { it.agency == 'HEALTH' }.status")).isEqualTo("ANSWERED");
        assertThat(view.getString("informationRequests.find { it.agency == 'HEALTH' }.answeredBy")).isEqualTo("hv.roberts");
        assertThat(view.getList("agencyInformation.requestId")).containsExactly(health);
        assertThat(view.getList("agencyInformation.agency")).containsExactly("HEALTH");
        assertThat(view.getList("agencyInformation.sharedBy")).containsExactly("hv.roberts");

        Screening.as("screener", "HEALTH", "hv.roberts").body(answer)
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/answer")
                .then().statusCode(409).contentType("application/problem+json");
        Screening.as("screener", "HEALTH", "hv.roberts").body("{\"reason\": \"Changed our mind\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/decline")
                .then().statusCode(409);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({"screener, EDUCATION", "manager, HEALTH", "manager, CHILDRENS_SERVICES", "queue-children, CHILDRENS_SERVICES",
            "auditor, CHILDRENS_SERVICES", "referrer, HEALTH"})
    void onlyAScreenerOfTheAgencyAskedAnswersOrDeclines(String role, String agency) {
        String caseId = caseWithConsent();
        String health = requestTo(ask(caseId, ASK_THREE), "HEALTH");

        Screening.as(role, agency, "someone").body("{\"summary\": \"x\", \"legalBasis\": \"LEGAL_DUTY\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/answer")
                .then().statusCode(403).contentType("application/problem+json");
        Screening.as(role, agency, "someone").body("{\"reason\": \"x\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/decline")
                .then().statusCode(403);
        Screening.screener().get("/api/v1/cases/" + caseId).then()
                .body("informationRequests.find { it.agency == 'HEALTH' }.status", equalTo("OPEN"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"queue-children", "queue-police", "auditor", "referrer", "police-system"})
    void onlyScreenersAndManagersAsk(String role) {
        String caseId = caseWithConsent();
        Screening.as(role, "POLICE", "someone").body(ASK_THREE)
                .post("/api/v1/cases/" + caseId + "/information-requests").then().statusCode(403);
        RestAssured.given().contentType("application/json").body(ASK_THREE)
                .post("/api/v1/cases/" + caseId + "/information-requests").then().statusCode(401);
    }

    @Test
    void anUnknownCaseOrRequestIsNotFound() {
        String caseId = caseWithConsent();
        Screening.screener().body(ASK_THREE).post("/api/v1/cases/" + UUID.randomUUID() + "/information-requests")
                .then().statusCode(404);
        Screening.as("screener", "HEALTH", "hv.roberts").body("{\"summary\": \"x\", \"legalBasis\": \"LEGAL_DUTY\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + UUID.randomUUID() + "/answer")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void consentCannotBeTheBasisOfAnAnswerWhereItWasNotGiven() {
        String caseId = caseWithoutConsent();
        String health = requestTo(ask(caseId, ASK_THREE.replace("}", OVERRIDE + "}")), "HEALTH");

        Screening.as("screener", "HEALTH", "hv.roberts").body("{\"summary\": \"Known\", \"legalBasis\": \"CONSENT\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/answer")
                .then().statusCode(422).body("violations.field", hasItem("legalBasis"));
        Screening.as("screener", "HEALTH", "hv.roberts")
                .body("{\"summary\": \"Known\", \"legalBasis\": \"SAFEGUARDING_WITHOUT_CONSENT\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + health + "/answer")
                .then().statusCode(200);
    }

    @Test
    void theAgencyAskedMayDeclineSayingWhy() {
        String caseId = caseWithConsent();
        String housing = requestTo(ask(caseId, "{\"agencies\": [\"HOUSING\"], \"question\": \"Tenancy?\"}"), "HOUSING");

        Screening.as("screener", "HOUSING", "ho.rhys").body("{}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + housing + "/decline")
                .then().statusCode(422).body("violations.field", hasItem("reason"));
        JsonPath view = Screening.as("screener", "HOUSING", "ho.rhys").body("{\"reason\": \"Not our tenant\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + housing + "/decline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("informationRequests[0].status")).isEqualTo("DECLINED");
        assertThat(view.getString("informationRequests[0].declineReason")).isEqualTo("Not our tenant");
        assertThat(view.getString("informationRequests[0].declinedBy")).isEqualTo("ho.rhys");
        assertThat(view.getList("agencyInformation")).isEmpty();
    }

    @Test
    void ratingTheCaseRedBringsItsOpenRequestsDueTwoHoursAfterTheyWereAsked() {
        String caseId = caseWithConsent();
        JsonPath asked = ask(caseId, "{\"agencies\": [\"HEALTH\", \"EDUCATION\"], \"question\": \"Known?\"}");
        Instant requestedAt = Instant.parse(asked.getString("informationRequests[0].requestedAt"));
        Screening.as("screener", "EDUCATION", "dsl.jones").body("{\"summary\": \"Attends daily\", \"legalBasis\": \"CONSENT\"}")
                .post("/api/v1/cases/" + caseId + "/information-requests/" + requestTo(asked, "EDUCATION") + "/answer")
                .then().statusCode(200);

        JsonPath rated = Screening.screener().body("{\"rag\": \"RED\", \"rationale\": \"Disclosure\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(rated.getString("informationRequests.find { it.agency == 'HEALTH' }.dueBy")))
                .isEqualTo(requestedAt.plus(Duration.ofHours(2)));
        assertThat(rated.getString("informationRequests.find { it.agency == 'HEALTH' }.rag")).isEqualTo("RED");
        assertThat(Instant.parse(rated.getString("informationRequests.find { it.agency == 'EDUCATION' }.dueBy")))
                .as("an answered request keeps the due time it was answered against")
                .isEqualTo(requestedAt.plus(Duration.ofHours(6)));
    }

    @Test
    void aScreenerListsItsOwnAgencysRequestsSoonestDueFirstAndAManagerAnyAgencys() {
        String amberCase = caseWithConsent();
        String redCase = caseWithConsent();
        Screening.screener().body("{\"rag\": \"RED\", \"rationale\": \"Immediate risk\"}")
                .post("/api/v1/cases/" + redCase + "/risk-rating").then().statusCode(200);
        String amberRequest = requestTo(ask(amberCase, "{\"agencies\": [\"YOUTH_JUSTICE\"], \"question\": \"Known?\"}"),
                "YOUTH_JUSTICE");
        String redRequest = requestTo(ask(redCase, "{\"agencies\": [\"YOUTH_JUSTICE\"], \"question\": \"Known?\"}"),
                "YOUTH_JUSTICE");

        JsonPath own = Screening.as("screener", "YOUTH_JUSTICE", "yot.price").queryParam("size", 500)
                .get("/api/v1/information-requests").then().statusCode(200).extract().jsonPath();
        List<String> ids = own.getList("items.requestId");
        assertThat(ids).containsSubsequence(redRequest, amberRequest);
        assertThat(own.getList("items.agency")).containsOnly("YOUTH_JUSTICE");
        assertThat(own.getString("items.find { it.requestId == '" + redRequest + "' }.rag")).isEqualTo("RED");
        assertThat(own.getString("items.find { it.requestId == '" + redRequest + "' }.caseId")).isEqualTo(redCase);
        assertThat(own.getMap("items.find { it.requestId == '" + redRequest + "' }"))
                .as("no case details beyond its id, reference and rating").doesNotContainKeys("subjects", "reports");

        Screening.as("screener", "YOUTH_JUSTICE", "yot.price").queryParam("agency", "HEALTH")
                .get("/api/v1/information-requests").then().statusCode(403);
        assertThat(Screening.as("manager", "CHILDRENS_SERVICES", "tm.ellis").queryParam("agency", "YOUTH_JUSTICE")
                .queryParam("status", "OPEN").queryParam("size", 500).get("/api/v1/information-requests")
                .then().statusCode(200).extract().jsonPath().getList("items.requestId")).contains(redRequest, amberRequest);
        Screening.as("queue-children", "CHILDRENS_SERVICES", "team").get("/api/v1/information-requests")
                .then().statusCode(403);
        Screening.as("screener", "YOUTH_JUSTICE", "yot.price").queryParam("status", "LOST")
                .get("/api/v1/information-requests").then().statusCode(400);
        Screening.as("manager", "CHILDRENS_SERVICES", "tm.ellis").queryParam("agency", "NASA")
                .get("/api/v1/information-requests").then().statusCode(400);
    }
}
