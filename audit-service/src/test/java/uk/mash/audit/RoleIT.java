package uk.mash.audit;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.testsupport.TestTokens;

/** Only auditors get in (and managers, to the report card); no token is 401, a wrong role 403, both as problems. */
@QuarkusTest
class RoleIT {

    private static final String CASE = "/api/v1/audit/cases/" + UUID.randomUUID();

    static Stream<Arguments> auditorOnly() {
        return Stream.of(
                Arguments.of("GET", CASE + "/events"),
                Arguments.of("GET", CASE + "/state"),
                Arguments.of("GET", "/api/v1/audit/integrity"),
                Arguments.of("GET", "/api/v1/audit/access-log"),
                Arguments.of("GET", "/api/v1/audit/export"),
                Arguments.of("GET", "/api/v1/audit/checkpoints/latest"),
                Arguments.of("POST", "/api/v1/audit/checkpoints"),
                Arguments.of("POST", "/api/v1/audit/rebuild"));
    }

    static Stream<Arguments> everyEndpoint() {
        return Stream.concat(auditorOnly(), Stream.of(Arguments.of("GET", "/api/v1/performance?from=2031-01-01&to=2031-01-02")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void withoutATokenIsUnauthorised(String method, String path) {
        send(RestAssured.given(), method, path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        send(RestAssured.given().auth().oauth2(TestTokens.forged("auditor", "OTHER")), method, path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("auditorOnly")
    void everyOtherRoleIsForbiddenTheAuditEndpoints(String method, String path) {
        for (String role : new String[] {"referrer", "police-system", "screener", "manager", "queue-children",
                "queue-adults", "queue-police"}) {
            send(Api.as(role), method, path).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolesWithoutTheReportCard")
    void onlyManagersAndAuditorsReadTheReportCard(String role) {
        Api.as(role).get("/api/v1/performance?from=2031-01-01&to=2031-01-02").then().statusCode(403)
                .contentType("application/problem+json");
    }

    static Stream<String> rolesWithoutTheReportCard() {
        return Stream.of("referrer", "police-system", "screener", "queue-children", "queue-adults", "queue-police");
    }

    private static io.restassured.response.Response send(RequestSpecification request, String method, String path) {
        return "POST".equals(method) ? request.post(path) : request.get(path);
    }
}
