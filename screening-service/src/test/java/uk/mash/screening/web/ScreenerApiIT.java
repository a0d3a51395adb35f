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
import org.junit.jupiter.params.provider.ValueSource;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.Reports;
import uk.mash.screening.Screening;
import uk.mash.testsupport.TopicReader;

/** The screener's API: sharing, rating and deciding, with the MASH rules, versions and roles. */
@QuarkusTest
class ScreenerApiIT {

    @Inject
    ObjectMapper mapper;

    private String openCase(uk.mash.contracts.Subject... subjects) {
        ReportReceived report = Reports.school(Instant.now(), subjects);
        new Screening(mapper).send(report);
        return Screening.caseOf(report).getString("caseId");
    }

    private String childCase() {
        return openCase(Reports.child("Sam", "Evans-" + UUID.randomUUID().toString().substring(0, 8), null));
    }

    @Test
    void aCaseWithMoreEventsThanOneReadOfTheEventStoreTakesIsLoadedWhole() {
        // the event store reads a case's events 100 at a time; a case loaded short of its last events
        // would take a sequence number already used, and every change after the 100th would fail
        String caseId = childCase();
        for (int version = 1; version <= 104; version++) {
            Screening.as("screener", "HEALTH", "hv.roberts")
                    .body("{\"summary\": \"Visit " + version + "\", \"legalBasis\": \"SAFEGUARDING_WITHOUT_CONSENT\"}")
                    .post("/api/v1/cases/" + caseId + "/agency-information")
                    .then().statusCode(200).header("ETag", "\"" + version + "\"");
        }
        JsonPath decided = Screening.screener().body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(200).header("ETag", "\"105\"")
                .extract().jsonPath();

        assertThat(decided.getList("agencyInformation")).hasSize(104);
        assertThat(decided.getString("status")).isEqualTo("DECIDED");
    }

    @Test
    void agencyInformationIsSharedAsTheCallersAgencyAndTheAnswerShowsIt() {
        String caseId = childCase();
        JsonPath answer = Screening.as("screener", "HEALTH", "hv.roberts")
                .body("{\"summary\": \"Two missed developmental reviews.\", \"legalBasis\": \"SAFEGUARDING_WITHOUT_CONSENT\","
                        + " \"agency\": \"POLICE\"}")
                .post("/api/v1/cases/" + caseId + "/agency-information")
                .then().statusCode(200).header("ETag", "\"1\"").extract().jsonPath();

        assertThat(answer.getList("agencyInformation.agency")).containsExactly("HEALTH");
        assertThat(answer.getList("agencyInformation.sharedBy")).containsExactly("hv.roberts");
        assertThat(answer.getList("agencyInformation.legalBasis")).containsExactly("SAFEGUARDING_WITHOUT_CONSENT");
        assertThat(answer.getInt("version")).isEqualTo(1);
    }

    @Test
    void aRatingAndAStrategyDecisionAreShownAtOnceAndTheDecisionRoutesToChildrenAndPolice() {
        String caseId = childCase();
        Screening.screener().body("{\"rag\": \"RED\", \"rationale\": \"Child disclosed harm\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200).body("rag", equalTo("RED"));

        JsonPath decided = Screening.screener()
                .body("{\"outcome\": \"CHILD_PROTECTION_STRATEGY\", \"rationale\": \"Reasonable cause to suspect significant harm\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(200).extract().jsonPath();

        assertThat(decided.getString("status")).isEqualTo("DECIDED");
        assertThat(decided.getList("decision.routes")).containsExactly("CHILDREN", "POLICE");
        assertThat(decided.getString("decision.decidedBy")).isEqualTo("sw.owen");
        assertThat(decided.getBoolean("decision.withinTimescale")).isTrue();
        assertThat(decided.getString("decision.supersedes")).isNull();
    }

    @Test
    void aRedCaseCannotBeClosedWithNoFurtherAction() {
        String caseId = childCase();
        Screening.screener().body("{\"rag\": \"RED\", \"rationale\": \"Immediate danger\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200);
        Screening.screener().body("{\"outcome\": \"NO_FURTHER_ACTION\", \"rationale\": \"No role\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then()
                .statusCode(422).contentType("application/problem+json").body("violations.field", hasItem("outcome"));
        Screening.screener().body("{\"outcome\": \"INFORMATION_AND_ADVICE\", \"rationale\": \"Signposting\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then()
                .statusCode(422).body("violations.field", hasItem("outcome"));
        Screening.screener().get("/api/v1/cases/" + caseId).then().body("status", equalTo("AWAITING_DECISION"));
    }

    @Test
    void decisionRulesAre422WithTheFieldNamed() {
        String caseId = childCase();
        Screening.screener().body("{\"outcome\": \"EARLY_HELP\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(422)
                .body("violations.field", hasItem("rationale"));
        Screening.screener().body("{\"outcome\": \"CHILD_PROTECTION_STRATEGY\", \"rationale\": \"x\", \"routes\": [\"CHILDREN\"]}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(422)
                .body("violations.field", hasItem("routes"));
        Screening.screener().body("{\"outcome\": \"GO_AWAY\", \"rationale\": \"x\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
    }

    @Test
    void aSecondDecisionSupersedesTheFirstOnlyWithAReason() {
        String caseId = childCase();
        String first = Screening.screener().body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(200).extract().path("decision.decisionId");
        Screening.screener().body("{\"outcome\": \"CHILD_PROTECTION_STRATEGY\", \"rationale\": \"New disclosure\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(422)
                .body("violations.field", hasItem("supersedesReason"));

        JsonPath second = Screening.screener()
                .body("{\"outcome\": \"CHILD_PROTECTION_STRATEGY\", \"rationale\": \"New disclosure\","
                        + " \"supersedesReason\": \"Police disclosed domestic abuse history\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("decision.supersedes")).isEqualTo(first);
        assertThat(second.getList("supersededDecisions.decisionId")).containsExactly(first);
    }

    @Test
    void theCaseCarriesAnETagAndAStaleIfMatchIs412() {
        String caseId = childCase();
        String etag = Screening.screener().get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        Screening.screener().header("If-Match", etag).body("{\"rag\": \"AMBER\", \"rationale\": \"Concerning\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200).header("ETag", "\"1\"");
        Screening.screener().header("If-Match", etag).body("{\"rag\": \"GREEN\", \"rationale\": \"On reflection\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then()
                .statusCode(412).contentType("application/problem+json");
        Screening.screener().get("/api/v1/cases/" + caseId).then().body("rag", equalTo("AMBER"));
    }

    @Test
    void theListFiltersAndSortsBySoonestDecision() {
        String amber = childCase();
        Screening.screener().body("{\"rag\": \"AMBER\", \"rationale\": \"Concerning\"}")
                .post("/api/v1/cases/" + amber + "/risk-rating").then().statusCode(200);

        JsonPath list = Screening.screener().queryParam("status", "AWAITING_DECISION").queryParam("rag", "AMBER")
                .queryParam("size", 500).get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.caseId")).contains(amber);
        assertThat(list.getList("items.rag")).containsOnly("AMBER");
        assertThat(list.getList("items.status")).containsOnly("AWAITING_DECISION");
        List<String> due = list.getList("items.decisionDueBy");
        assertThat(due).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        assertThat(list.getLong("total")).isGreaterThanOrEqualTo(list.getList("items").size());
    }

    @Test
    void anUnknownCaseIs404() {
        Screening.screener().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Screening.screener().body("{\"rag\": \"AMBER\", \"rationale\": \"x\"}")
                .post("/api/v1/cases/" + UUID.randomUUID() + "/risk-rating").then().statusCode(404);
    }

    @Test
    void everyReadOfACaseIsRecordedOnMashAccessEvents() {
        String caseId = childCase();
        try (TopicReader access = new TopicReader(Topics.ACCESS_EVENTS)) {
            Screening.as("manager", "CHILDRENS_SERVICES", "mgr.hughes").get("/api/v1/cases/" + caseId).then().statusCode(200);

            TopicReader.Received read = access.await(r -> caseId.equals(r.key()) && r.value().contains("mgr.hughes"),
                    Duration.ofSeconds(30));
            assertThat(read.header("ce_type")).isEqualTo("mash.access.case-read.v1");
            JsonPath data = new JsonPath(read.value());
            assertThat(data.getString("sub")).isEqualTo("mgr.hughes");
            assertThat(data.getString("agency")).isEqualTo("CHILDRENS_SERVICES");
            assertThat(data.getString("endpoint")).isEqualTo("GET /api/v1/cases/{caseId}");
            assertThat(data.getString("caseId")).isEqualTo(caseId);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"referrer", "police-system", "auditor", "queue-children", "queue-adults", "queue-police"})
    void onlyScreenersAndManagersReadOrChangeCases(String role) {
        String caseId = childCase();
        Screening.as(role, "OTHER", "someone").get("/api/v1/cases").then().statusCode(403);
        Screening.as(role, "OTHER", "someone").get("/api/v1/cases/" + caseId).then().statusCode(403);
        Screening.as(role, "OTHER", "someone").body("{\"rag\": \"GREEN\", \"rationale\": \"x\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(403);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        RestAssured.get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
    }
}
