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

        String wrong = manager.get("/report-card?from=yesterday").then().statusCode(200).extract().asString();
        assertThat(wrong).contains("<a href=\"#from\">From: must be a date");
    }

    @Test
    void theAuditorSeesTheCaseAsOfAnInstantItsEventsIntegrityAndWhoReadIt() {
        SignedInBrowser auditor = SignedInBrowser.as("auditor.thomas");
        String page = auditor.get("/audit/cases/" + FakeServices.CASE_ID + "?asOf=2026-12-01T10:00")
                .then().statusCode(200).extract().asString();
        // December: UK time is UTC
        assertThat(FakeServices.RECEIVED).anyMatch(r -> r.path().endsWith("/state") && "asOf=2026-12-01T10:00:00Z".equals(r.query()));
        assertThat(page).contains("<label class=\"govuk-label govuk-label--s\" for=\"as-of\">As of</label>", "value=\"2026-12-01T10:00\"",
                "Case opened", "Verified", "Who read this case", "sw.owen");
    }
}
