package uk.mash.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.Reports;
import uk.mash.screening.Screening;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TestTokens;

/**
 * The screener's API reads its input strictly (CONTRACT.md, "Errors"): a query value outside its
 * domain or a malformed If-Match is 400, a body value of the wrong type 400, text that cannot be
 * stored 422; the field is named and the case does not change. A token without a known agency is 401.
 */
@QuarkusTest
class StrictInputIT {

    @Inject
    ObjectMapper mapper;

    String caseId;

    @BeforeEach
    void openCase() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Nia", "Parry-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        caseId = Screening.caseOf(report).getString("caseId");
    }

    static Stream<Arguments> queriesOutsideTheirDomain() {
        return Stream.of(
                Arguments.of("rag", "PURPLE"), Arguments.of("rag", "red"), Arguments.of("rag", ""),
                Arguments.of("status", ""), Arguments.of("status", "CLOSED"),
                Arguments.of("overdue", "maybe"), Arguments.of("overdue", "1"),
                Arguments.of("page", "-1"), Arguments.of("page", "first"),
                Arguments.of("size", "100000"), Arguments.of("size", "0"), Arguments.of("size", "501"),
                Arguments.of("size", "1.5"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("queriesOutsideTheirDomain")
    void aListQueryOutsideItsDomainIs400NamingTheParameter(String name, String value) {
        Screening.screener().queryParam(name, value).get("/api/v1/cases").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(name)));
    }

    @Test
    void aPageOfUpTo500CasesIsAnswered() {
        Screening.screener().queryParam("size", 500).queryParam("page", 0).queryParam("overdue", "false")
                .queryParam("rag", "AMBER").queryParam("status", "DECIDED").get("/api/v1/cases").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "\"1", "\"\"", "W/\"x\"", "*", "\"99999999999999999999\"", "-1"})
    void aMalformedIfMatchIs400AndTheCaseDoesNotChange(String ifMatch) throws Exception {
        long events = storedEvents();
        Screening.screener().header("If-Match", ifMatch)
                .body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family agrees to support\"}")
                .post("/api/v1/cases/" + caseId + "/decision").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("If-Match")));
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void theVersionFromTheETagIsAWellFormedIfMatch() {
        String etag = Screening.screener().get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        Screening.screener().header("If-Match", etag).body("{\"rag\": \"AMBER\", \"rationale\": \"Concerning\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200);
    }

    static Stream<Arguments> wronglyTypedCommands() {
        return Stream.of(
                Arguments.of("risk-rating", "{\"rag\": 0, \"rationale\": \"x\"}", "rag"),
                Arguments.of("risk-rating", "{\"rag\": \"RED \", \"rationale\": \"x\"}", "rag"),
                Arguments.of("risk-rating", "{\"rag\": \"red\", \"rationale\": \"x\"}", "rag"),
                Arguments.of("risk-rating", "{\"rag\": \"RED\", \"rationale\": 12345}", "rationale"),
                Arguments.of("decision", "{\"outcome\": 3, \"rationale\": \"x\"}", "outcome"),
                Arguments.of("decision", "{\"outcome\": \"EARLY_HELP\", \"routes\": \"CHILDREN\", \"rationale\": \"x\"}", "routes"),
                Arguments.of("decision", "{\"outcome\": \"EARLY_HELP\", \"routes\": [0], \"rationale\": \"x\"}", "routes[0]"),
                Arguments.of("agency-information", "{\"summary\": true, \"legalBasis\": \"CONSENT\"}", "summary"),
                Arguments.of("agency-information", "{\"summary\": \"x\", \"legalBasis\": \"\"}", "legalBasis"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wronglyTypedCommands")
    void aCommandWithAValueOfTheWrongTypeIs400AndTheCaseDoesNotChange(String command, String body, String field)
            throws Exception {
        long events = storedEvents();
        Screening.screener().body(body).post("/api/v1/cases/" + caseId + "/" + command).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(field)));
        assertThat(storedEvents()).isEqualTo(events);
    }

    static Stream<Arguments> unstorableTexts() {
        return Stream.of(
                Arguments.of("risk-rating", "{\"rag\": \"RED\", \"rationale\": \"Disclosed \\u0000 harm\"}", "rationale"),
                Arguments.of("decision", "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Support \\u001b[2J\"}", "rationale"),
                Arguments.of("decision", "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"x\", \"supersedesReason\": \"\\ud800\"}",
                        "supersedesReason"),
                Arguments.of("agency-information", "{\"summary\": \"Known \\u007f to us\", \"legalBasis\": \"CONSENT\"}",
                        "summary"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("unstorableTexts")
    void aCommandWhoseTextCannotBeStoredIs422NamingTheFieldAndTheCaseDoesNotChange(String command, String body,
                                                                                  String field) throws Exception {
        long events = storedEvents();
        Screening.screener().body(body).post("/api/v1/cases/" + caseId + "/" + command).then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(field)));
        assertThat(storedEvents()).isEqualTo(events);
        Screening.screener().get("/api/v1/cases/" + caseId).then().body("version", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"screener", "manager"})
    void aTokenWithoutAKnownAgencyIs401(String role) throws Exception {
        long events = storedEvents();
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.withoutAgency(role, "someone"))
                .get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
        Screening.as(role, "SOCIAL_WORK", "someone").body("{\"rag\": \"RED\", \"rationale\": \"x\"}")
                .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(401);
        assertThat(storedEvents()).isEqualTo(events);
    }

    /** The case's events in Axon's event store. */
    private long storedEvents() throws Exception {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
