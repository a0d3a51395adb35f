package uk.mash.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages beyond the case page, against the services' HTTP answers: an agency's information
 * requests, a team's queue, the report card, the auditor's case history.
 */
@QuarkusTest
@TestProfile(LocalSignInProfile.class)
class OtherPagesTest {

    @BeforeEach
    void reset() {
        FakeServices.RECEIVED.clear();
        FakeServices.nextStatus = 200;
        FakeServices.nextBody = "{}";
    }

    @Test
    void aHealthScreenerSeesTheRequestsToHealthAndAnswersOne() {
        SignedInBrowser nurse = SignedInBrowser.as("nurse.jones");
        String page = nurse.get("/information-requests").then().statusCode(200).extract().asString();
        assertThat(page).contains("<title>Information requests – MASH Hub</title>");
        assertThat(page).contains("MASH-2026-000042", "Is &lt;b&gt;Cai&lt;/b&gt; known to the health visitor?", "Overdue",
                ">Answer</button>", ">Decline</button>", "for=\"answer-" + FakeServices.REQUEST_ID + "-summary\">Summary</label>",
                ">Legal basis</legend>");

        Response answered = nurse.post("/information-requests/" + FakeServices.CASE_ID + "/" + FakeServices.REQUEST_ID + "/answer",
                Map.of("summary", "Nothing known.", "legalBasis", "CONSENT"));
        assertThat(answered.statusCode()).isEqualTo(303);
        FakeServices.Received sent = FakeServices.RECEIVED.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(sent.path()).isEqualTo("/api/v1/cases/" + FakeServices.CASE_ID + "/information-requests/"
                + FakeServices.REQUEST_ID + "/answer");
        assertThat(sent.body()).contains("\"summary\":\"Nothing known.\"", "\"legalBasis\":\"CONSENT\"");
    }

    @Test
    void aRefusedAnswerNamesTheFieldOfThatRequestsForm() {
        FakeServices.nextStatus = 422;
        FakeServices.nextBody = """
                {"status": 422, "title": "Request breaks a rule", "detail": "consent was not given",
                 "violations": [{"field": "legalBasis", "message": "CONSENT needs the case's consent to be GIVEN"}]}""";
        SignedInBrowser nurse = SignedInBrowser.as("nurse.jones");
        nurse.get("/information-requests");
        String page = nurse.post("/information-requests/" + FakeServices.CASE_ID + "/" + FakeServices.REQUEST_ID + "/answer",
                Map.of("summary", "Known.", "legalBasis", "CONSENT")).then().statusCode(200).extract().asString();
        assertThat(page).contains("<title>Error: Information requests", "<a href=\"#answer-" + FakeServices.REQUEST_ID + "-legal-basis\">Legal basis: CONSENT needs",
                ">Known.</textarea>");
    }

    @Test
    void theChildrensTeamSeesItsQueueAndAcknowledges() {
        SignedInBrowser team = SignedInBrowser.as("children.team");
        String page = team.get("/queue").then().statusCode(200).extract().asString();
        assertThat(page).contains("MASH-2026-000042: Child protection strategy", "Cai Prydderch", ">Acknowledge</button>");
        assertThat(page).contains(">Queue</a>", ">Sign out</a>").doesNotContain(">Cases</a>", ">Audit</a>");

        Response done = team.post("/queue/children/" + FakeServices.REFERRAL_ID + "/acknowledgement", Map.of("note", "Booked."));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(FakeServices.RECEIVED).anyMatch(r -> r.method().equals("POST")
                && r.path().equals("/api/v1/queues/children/referrals/" + FakeServices.REFERRAL_ID + "/acknowledgement")
                && r.body().contains("Booked."));
    }

    @Test
    void theReportCardShowsThePeriodsFiguresAndChartsOfThem() {
        SignedInBrowser manager = SignedInBrowser.as("mgr.roberts");
        String page = manager.get("/report-card?from=2026-11-01&to=2026-11-30").then().statusCode(200).extract().asString();
        assertThat(FakeServices.RECEIVED).anyMatch(r -> r.path().equals("/api/v1/performance")
                && r.query().contains("from=2026-11-01") && r.query().contains("to=2026-11-30"));
        assertThat(page).contains("39 of 40 (97.5%)", "Contacts to referrals", "data-chart=\"bar\"", "data-chart=\"doughnut\"",
                "/vendor/chartjs/chart-4.6.1.umd.min.js", "Where reports came from", "Time from report to decision",
                "15 of 20 (75.0%)", "answered by their due time, by RAG",
                "data-labels=\"[&quot;Red&quot;,&quot;Amber&quot;]\" data-values=\"[87.5,66.7]\"");

        assertThat(page).as("the period in GOV.UK date inputs, Day Month Year")
                .contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">From</legend>",
                        "id=\"from-day\" name=\"from-day\" type=\"text\" inputmode=\"numeric\" value=\"1\"",
                        "id=\"from-month\" name=\"from-month\" type=\"text\" inputmode=\"numeric\" value=\"11\"",
                        "id=\"to-day\" name=\"to-day\" type=\"text\" inputmode=\"numeric\" value=\"30\"")
                .doesNotContain("type=\"date\"");

        FakeServices.RECEIVED.clear();
        manager.get("/report-card?from-day=2&from-month=11&from-year=2026&to-day=9&to-month=11&to-year=2026").then().statusCode(200);
        assertThat(FakeServices.RECEIVED).anyMatch(r -> r.path().equals("/api/v1/performance")
                && r.query().contains("from=2026-11-02") && r.query().contains("to=2026-11-09"));

        String impossible = manager.get("/report-card?from-day=31&from-month=2&from-year=2026&to-day=9&to-month=11&to-year=2026")
                .then().statusCode(200).extract().asString();
        assertThat(impossible).contains("<a href=\"#from-day\">From: must be a real date</a>", "id=\"from-error\"",
                "value=\"31\"", "govuk-input--error");

        String backwards = manager.get("/report-card?from-day=9&from-month=11&from-year=2026&to-day=2&to-month=11&to-year=2026")
                .then().statusCode(200).extract().asString();
        assertThat(backwards).contains("<a href=\"#to-day\">To: must be the same as or after From</a>", "id=\"to-error\"");
    }

    @Test
    void theAuditorSeesTheCaseAsOfAnInstantItsEventsIntegrityAndWhoReadIt() {
        SignedInBrowser auditor = SignedInBrowser.as("auditor.thomas");
        String page = auditor.get("/audit/cases/" + FakeServices.CASE_ID + "?asOf=2026-12-01T10:00")
                .then().statusCode(200).extract().asString();
        // December: UK time is UTC
        assertThat(FakeServices.RECEIVED).anyMatch(r -> r.path().endsWith("/state") && "asOf=2026-12-01T10:00:00Z".equals(r.query()));
        assertThat(page).contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">As of</legend>",
                "id=\"as-of-day\" name=\"as-of-day\" type=\"text\" inputmode=\"numeric\" value=\"1\"",
                "id=\"as-of-month\" name=\"as-of-month\" type=\"text\" inputmode=\"numeric\" value=\"12\"",
                "id=\"as-of-time\" name=\"as-of-time\" type=\"text\" value=\"10:00:00\"",
                "Case opened", "Verified", "Who read this case", "sw.owen");
        String timeline = page.substring(page.indexOf("id=\"timeline\""), page.indexOf("id=\"reads-heading\""));
        assertThat(timeline).as("reads are under Who read this case, not among the case's events")
                .contains("Case opened").doesNotContain("Case read");

        FakeServices.RECEIVED.clear();
        auditor.get("/audit/cases/" + FakeServices.CASE_ID + "?as-of-day=1&as-of-month=7&as-of-year=2026&as-of-time=14:05:09")
                .then().statusCode(200);
        // July: UK time is an hour ahead of UTC
        assertThat(FakeServices.RECEIVED).anyMatch(r -> r.path().endsWith("/state") && "asOf=2026-07-01T13:05:09Z".equals(r.query()));

        String impossible = auditor.get("/audit/cases/" + FakeServices.CASE_ID + "?as-of-day=30&as-of-month=2&as-of-year=2026")
                .then().statusCode(200).extract().asString();
        assertThat(impossible).contains("<a href=\"#as-of-day\">As of: must be a real date</a>", "id=\"as-of-error\"");
    }
}
