package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TestTokens;
import uk.mash.testsupport.TopicReader;

/**
 * The acting agency comes from the token (CONTRACT.md, "Identity and roles"): a token of a role that
 * acts for an agency but names none, or none we know, is 401; a referrer or police system reports
 * for its own agency only; a screener taking a report may name anyone's.
 */
@QuarkusTest
class IdentityIT {

    @Inject
    ObjectMapper mapper;

    @ParameterizedTest
    @ValueSource(strings = {"referrer", "police-system", "screener"})
    void aTokenNamingNoAgencyIs401AndNothingIsStored(String role) {
        long before = IntakeDatabase.storedRows();
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.withoutAgency(role, role + ".someone"))
                .body(Requests.report()).post("/api/v1/reports").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"referrer", "police-system", "screener"})
    void aTokenNamingAnUnknownAgencyIs401(String role) {
        long before = IntakeDatabase.storedRows();
        for (String agency : List.of("SCHOOL", "education", "EDUCATION ", "")) {
            Requests.as(role, agency).body(Requests.report()).post("/api/v1/reports").then()
                    .statusCode(401).contentType("application/problem+json");
        }
        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void aPoliceSystemWithoutAnAgencyCannotNotifyNorReadAReport() {
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.withoutAgency("police-system", "nwp-niche"))
                .body(Requests.policeNotification("HIGH")).post("/api/v1/police/notifications").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.token("referrer", "NOT_AN_AGENCY", "dsl.jones"))
                .get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void anAuditorNeedsNoAgencyButMayStillNotSubmit() {
        // the token is trusted (no 401): the role simply may not
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.withoutAgency("auditor", "auditor.one"))
                .body(Requests.report()).post("/api/v1/reports").then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"referrer", "police-system"})
    void aReferrerOrPoliceSystemNamingAnotherAgencyIs422AndNothingIsStored(String role) {
        Map<String, Object> report = Requests.report(); // names EDUCATION
        long before = IntakeDatabase.storedRows();

        Requests.as(role, "HEALTH", role + ".other").body(report).post("/api/v1/reports").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("referrer.agency")));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void aReferrerNamingItsOwnAgencyIsAccepted() {
        Map<String, Object> report = Requests.report();
        Requests.referrer(report).put("agency", "HEALTH");
        Requests.as("referrer", "HEALTH", "hv.roberts").body(report).post("/api/v1/reports").then().statusCode(202);
    }

    @Test
    void aScreenerTakingAPhoneReportMayNameTheCallersAgencyAndIsRecordedAsTakingIt() throws Exception {
        Map<String, Object> report = Requests.report(); // the school's report, taken by phone
        report.put("channel", "PHONE");

        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            String reportId = Requests.as("screener", "CHILDRENS_SERVICES", "sw.owen").body(report)
                    .post("/api/v1/reports").then().statusCode(202).extract().path("reportId");

            ReportReceived received = mapper.readValue(topic.await(r -> reportId.equals(r.key()),
                    Duration.ofSeconds(30)).value(), ReportReceived.class);
            assertThat(received.referrer().agency()).isEqualTo(Agency.EDUCATION);
            assertThat(received.submittedBy().sub()).isEqualTo("sw.owen");
            assertThat(received.submittedBy().agency()).isEqualTo(Agency.CHILDRENS_SERVICES);
        }
    }
}
