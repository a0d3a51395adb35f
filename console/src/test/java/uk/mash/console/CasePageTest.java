package uk.mash.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case page against screening's HTTP answers: text escaped, If-Match and the person's token
 * sent, a refusal shown as an error summary naming the field, a changed case reported.
 */
@QuarkusTest
@TestProfile(LocalSignInProfile.class)
class CasePageTest {

    private static final String CASE = "/cases/" + FakeServices.CASE_ID;
    private SignedInBrowser browser;

    @BeforeEach
    void signIn() {
        FakeServices.RECEIVED.clear();
        FakeServices.nextStatus = 200;
        FakeServices.nextBody = "{}";
        browser = SignedInBrowser.as("sw.owen");
    }

    @Test
    void textFromAReportIsShownEscapedNeverAsMarkup() {
        String page = browser.get(CASE).then().statusCode(200).extract().asString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt; Prydderch").doesNotContain("<img src=x");
        assertThat(page).contains("<h2 class=\"govuk-heading-l\">Reports</h2>", ">People</h2>", ">Agency information</h2>",
                ">Information requests</h2>", ">Risk rating</h2>", ">Decision</h2>");
    }

    @Test
    void aRatingIsSentWithTheVersionThePageShowedAndThePersonsToken() {
        browser.get(CASE);
        Response answer = browser.post(CASE + "/risk-rating", Map.of("version", "7", "rag", "RED", "rationale", "Hungry."));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith(CASE + "?done=rated");
        FakeServices.Received sent = FakeServices.RECEIVED.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(sent.path()).isEqualTo("/api/v1" + CASE + "/risk-rating");
        assertThat(sent.ifMatch()).isEqualTo("\"7\"");
        assertThat(sent.authorization()).startsWith("Bearer ey");
        assertThat(sent.body()).contains("\"rag\":\"RED\"", "\"rationale\":\"Hungry.\"");
    }

    @Test
    void aRefusalIsShownAsAnErrorSummaryNamingTheFieldAndTheRuleKeepingWhatWasTyped() {
        FakeServices.nextStatus = 422;
        FakeServices.nextBody = """
                {"type": "about:blank", "title": "Unprocessable", "status": 422, "detail": "a rating records its rationale",
                 "violations": [{"field": "rationale", "message": "a rating records its rationale"}]}""";
        browser.get(CASE);
        String page = browser.post(CASE + "/risk-rating", Map.of("version", "7", "rag", "AMBER", "rationale", " "))
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("<title>Error: ", "govuk-error-summary",
                "<a href=\"#rating-rationale\">Rationale: a rating records its rationale</a>",
                "id=\"rating-rationale-error\"");
        assertThat(page).containsPattern("id=\"rating-rag-1\" name=\"rag\" type=\"radio\" value=\"AMBER\" checked");
    }

    @Test
    void aCaseThatChangedMeanwhileIsReportedAndNothingIsOverwritten() {
        FakeServices.nextStatus = 412;
        FakeServices.nextBody = "{\"title\": \"Precondition Failed\", \"status\": 412}";
        browser.get(CASE);
        String page = browser.post(CASE + "/decision", Map.of("version", "6", "outcome", "EARLY_HELP", "rationale", "Support."))
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("The case changed while you were looking at it", "name=\"version\" value=\"7\"",
                ">Support.</textarea>");
    }
}
