package uk.mash.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in locally: the page of people, the session cookie, CSRF, and sessions that are not ours. */
@QuarkusTest
@TestProfile(LocalSignInProfile.class)
class LocalSignInTest {

    @Test
    void theSignInPageListsTheHubsPeopleEachWithASignInButton() {
        String page = new SignedInBrowser().get("/sign-in").then().statusCode(200).extract().asString();
        assertThat(page.split(">Sign in</button>", -1)).hasSize(11);
        // as the page's HTML has them: Qute escapes the apostrophe
        assertThat(page).contains("Screener, children&#39;s services", "Screener, health", "Screener, education",
                "Screener, police", "Screener, housing", "MASH manager", "Receiving team, children&#39;s services",
                "Receiving team, adult safeguarding", "Receiving team, police", "Auditor");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictSessionCookieAndOpensTheScreenersCases() {
        SignedInBrowser browser = new SignedInBrowser();
        browser.get("/sign-in");
        Response answer = browser.post("/sign-in", Map.of("sub", "sw.owen"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/cases");
        String cookie = answer.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("mash-session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        String cases = browser.get("/cases").then().statusCode(200).extract().asString();
        assertThat(cases).contains(">Cases</a>", ">Information requests</a>", ">Sign out</a>")
                .doesNotContain(">Queue</a>", ">Report card</a>", ">Audit</a>");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndSignsNobodyIn() {
        new SignedInBrowser().get("/sign-in");
        Response answer = given().redirects().follow(false).formParam("sub", "sw.owen").post("/sign-in");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("mash-session="));
    }

    @Test
    void aSessionSignedWithAnotherKeyIsNobodys() {
        String forged = Jwt.issuer("mash-hub").subject("mallory").groups("manager").claim("agency", "CHILDRENS_SERVICES")
                .sign(LocalSignInProfile.newKeys().getPrivate());
        Response answer = given().redirects().follow(false).cookie("mash-session", forged).get("/cases");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/sign-in");
    }

    @Test
    void signingOutClearsTheSession() {
        SignedInBrowser browser = SignedInBrowser.as("auditor.thomas");
        browser.get("/sign-out").then().statusCode(200);
        Response answer = browser.post("/sign-out", Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/sign-in");
        assertThat(browser.cookies).doesNotContainKey("mash-session");
        assertThat(browser.get("/cases").header("Location")).endsWith("/sign-in");
    }
}
