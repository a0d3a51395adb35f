package uk.mash.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.mash.intake.Requests;
import uk.mash.support.security.VerifiedTokens;
import uk.mash.testsupport.TestTokens;

/** No valid token: 401. A valid token with a role that may not: 403. Both as problem+json. */
@QuarkusTest
class TokenIT {

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("forged signature", TestTokens.forged("referrer", "EDUCATION")),
                Arguments.of("expired", TestTokens.expired("referrer", "EDUCATION")),
                Arguments.of("alg none", TestTokens.unsigned("referrer", "EDUCATION")),
                Arguments.of("not a JWT", "not-a-token"));
    }

    @Test
    void noTokenIs401() {
        RestAssured.given().contentType(ContentType.JSON).body(Requests.report()).post("/api/v1/reports").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aTokenThatCannotBeTrustedIs401(String why, String token) {
        long before = uk.mash.intake.IntakeDatabase.storedRows();
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(token).body(Requests.report())
                .post("/api/v1/reports").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        org.assertj.core.api.Assertions.assertThat(uk.mash.intake.IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manager", "auditor", "queue-children", "queue-adults", "queue-police"})
    void rolesThatDoNotSubmitReportsGet403(String role) {
        as(role).body(Requests.report()).post("/api/v1/reports").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"referrer", "screener", "manager", "auditor", "queue-children", "queue-adults",
            "queue-police"})
    void onlyPoliceSystemsSubmitPoliceNotifications(String role) {
        as(role).body(Requests.policeNotification("HIGH")).post("/api/v1/police/notifications").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"manager", "auditor", "queue-children", "queue-adults", "queue-police"})
    void rolesThatDoNotReadReportStatusGet403WithoutLearningWhetherItExists(String role) {
        as(role).get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void aPoliceSystemMaySubmitAnOrdinaryReportToo() {
        Map<String, Object> report = Requests.report();
        Requests.referrer(report).put("agency", "POLICE");
        Requests.as("police-system", "POLICE").body(report).post("/api/v1/reports").then().statusCode(202);
    }

    @Inject
    JWTParser parser;

    /** Quarkus verifies bearer tokens with the parser that remembers them (not SmallRye's own, directly). */
    @Test
    void tokensAreVerifiedByTheParserThatRemembersThem() {
        assertThat(ClientProxy.unwrap(parser)).isInstanceOf(VerifiedTokens.class);
    }

    /**
     * A token verified once is remembered (VerifiedTokens), by its every byte: the same claims under another
     * signature are verified again, and refused.
     */
    @Test
    void aTokenAcceptedOnceAndThenGivenAnotherSignatureIs401() {
        String token = TestTokens.token("referrer", "EDUCATION");
        String unknownReport = "/api/v1/reports/" + UUID.randomUUID();
        RestAssured.given().auth().oauth2(token).get(unknownReport).then().statusCode(404);
        RestAssured.given().auth().oauth2(token).get(unknownReport).then().statusCode(404);

        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        String resigned = token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
        RestAssured.given().auth().oauth2(resigned).get(unknownReport).then()
                .statusCode(401).contentType("application/problem+json");
    }

    /**
     * A remembered token is refused once its exp (and the one second of clock skew the tests allow) has passed, as
     * it was before it was remembered.
     */
    @Test
    void aTokenAcceptedBeforeItExpiredIs401OnceItHas() throws InterruptedException {
        Instant expiresAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.expiringAt("referrer", "EDUCATION", expiresAt);
        String unknownReport = "/api/v1/reports/" + UUID.randomUUID();
        RestAssured.given().auth().oauth2(token).get(unknownReport).then().statusCode(404);

        Thread.sleep(Duration.between(Instant.now(), expiresAt).toMillis() + 2_100);
        RestAssured.given().auth().oauth2(token).get(unknownReport).then()
                .statusCode(401).contentType("application/problem+json");
    }

    private static RequestSpecification as(String role) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(role, "OTHER"));
    }
}
