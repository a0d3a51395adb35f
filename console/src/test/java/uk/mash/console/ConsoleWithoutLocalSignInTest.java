package uk.mash.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The console as deployed (local sign-in off, the default): no sign-in page, and its security headers. */
@QuarkusTest
class ConsoleWithoutLocalSignInTest {

    @Test
    void theLocalSignInPageDoesNotExist() {
        given().get("/sign-in").then().statusCode(404);
    }

    @Test
    void someoneNotSignedInIsSentToOpenIdConnect() {
        Response answer = given().redirects().follow(false).get("/cases");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/sign-in/oidc");
    }

    @Test
    void everyAnswerForbidsInlineScriptFramingAndReferrers() {
        for (String path : new String[]{"/console.js", "/sign-out", "/sign-in"}) {
            Response answer = given().get(path);
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void theGovukFontsTheStylesheetAsksForAreServed() {
        given().get("/assets/fonts/bold-b542beb274-v2.woff2").then().statusCode(200).contentType("font/woff2");
        given().get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css").then().statusCode(200);
    }
}
