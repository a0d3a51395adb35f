package uk.mash.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import uk.mash.e2e.Api.Answer;
import uk.mash.testsupport.TestTokens;

/**
 * A case's journey through the console, in a real headless Chromium against the whole stack: a screener
 * signs in, finds a new case, opens it, is refused a rating without rationale, shares what is known, is
 * told when the case changed meanwhile, rates and decides; the children's team acknowledges the
 * referral; the manager reads the report card's charts; the auditor moves "As of" to before the
 * decision and sees who read the case. Text from reports is shown as text.
 * Every page is screenshotted, checked with axe-core and for browser console errors ({@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Duration LONG = Duration.ofSeconds(90);
    /** What a script-injection attempt in a report looks like; it must be shown, never run. */
    private static final String INJECTION = "<img src=x onerror=alert(1)>";
    private static final String FAMILY = "Prydderch";

    private Stack stack;
    private Browser browser;
    private String caseId;
    private String reference;
    private java.time.Instant beforeDecision;

    @BeforeAll
    void startStackAndBrowser() throws Exception {
        stack = Stack.startWithConsole();
        browser = new Browser(stack.url("console", ""), stack.logs().resolve("screenshots"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(10)
    void aScreenerSignsInWithTheKeyboardAloneAndSeesOnlyTheirNavigation() throws Exception {
        browser.open("/cases");
        assertThat(browser.path()).as("not signed in: sent to sign in").isEqualTo("/sign-in");
        browser.look("sign-in");
        assertThat(browser.all(By.xpath("//button[normalize-space()='Sign in']"))).hasSizeGreaterThanOrEqualTo(10);

        // keyboard only: the first Tab stop is GOV.UK's skip link, which takes focus to the main content
        browser.press(Keys.TAB);
        assertThat(browser.focused().getText()).as("the first Tab stop").isEqualTo("Skip to main content");
        browser.press(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).as("focus after the skip link").isEqualTo("main-content");
        browser.press(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).as("the next Tab stop: the first person's Sign in")
                .isEqualTo("sign-in-sw.owen");
        browser.press(Keys.ENTER);

        assertThat(browser.awaitPath("/cases")).isEqualTo("/cases");
        assertThat(browser.navigation()).containsExactly("Cases", "Information requests", "Sign out");
        assertThat(browser.find(By.cssSelector(".mash-signed-in")).getText()).contains("sw.owen", "Screener", "Children's services");
    }

    @Test
    @Order(20)
    void aNewCaseAppearsOnCasesAndItsPageShowsTheReportsTextAsText() throws Exception {
        Answer sent = Api.post(stack.url("intake", "/api/v1/reports"), TestTokens.token("referrer", "EDUCATION", "dsl.jones"),
                report());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reference = sent.body().path("reference").asText();

        browser.open("/cases");
        browser.reloadUntil(LONG, () -> browser.find(By.id("cases")).getText().contains(FAMILY));
        browser.look("cases");
        WebElement row = browser.find(By.xpath("//table[@id='cases']//tr[contains(., '" + FAMILY + "')]"));
        assertThat(row.getText()).contains("Not rated").contains("Awaiting decision");

        row.findElement(By.tagName("a")).click();
        caseId = browser.path().substring("/cases/".length());
        browser.look("case");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(reference);
        for (String heading : List.of("Reports", "People", "Agency information", "Information requests", "Risk rating", "Decision")) {
            assertThat(browser.all(By.xpath("//h2[normalize-space()='" + heading + "']"))).as("heading %s", heading).hasSize(1);
        }
        assertThat(browser.find(By.id("people")).getText()).contains(INJECTION + " " + FAMILY);
        assertThat(browser.find(By.id("reports")).getText()).as("the report's summary, as text").contains(INJECTION);
        assertThat(browser.all(By.cssSelector("img[src='x']"))).as("an <img> made from a report's text").isEmpty();
    }

    @Test
    @Order(30)
    void aRatingWithoutRationaleIsRefusedWithAnErrorSummaryNamingRationale() throws Exception {
        WebElement form = browser.find(By.id("rate-risk"));
        form.findElement(By.cssSelector("label[for='rating-rag']")).click(); // Red
        Browser.button(form, "Rate risk").click();

        assertThat(browser.awaitShowing(By.cssSelector(".govuk-error-summary"), "Rationale")).contains("There is a problem").contains("Rationale");
        WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#rating-rationale");
        assertThat(browser.find(By.id("rating-rationale-error")).getText()).contains("rationale");
        assertThat(browser.driver().getTitle()).startsWith("Error:");
        assertThat(browser.find(By.id("rating-rag")).isSelected()).as("what was chosen is kept").isTrue();
        browser.look("case-rating-refused");
    }

    @Test
    @Order(40)
    void sharingWithNoSummaryIsRefusedNamingSummaryThenWhatIsSharedIsShownAsText() throws Exception {
        browser.find(By.xpath("//summary[contains(., 'Share what')]")).click();
        Browser.button(browser.driver(), "Share information").click();
        assertRefused("Summary", "share-summary");
        browser.look("case-share-refused");

        // the form stays open with the refusal: the screener fills it in
        browser.find(By.id("share-summary")).sendKeys(INJECTION);
        browser.find(By.cssSelector("label[for='share-legal-basis']")).click(); // Consent
        Browser.button(browser.driver(), "Share information").click();

        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner--success"), "Information shared")).contains("Information shared");
        assertThat(browser.find(By.cssSelector(".mash-agency-information")).getText()).contains(INJECTION, "Consent");
        assertThat(browser.all(By.cssSelector("img[src='x']"))).isEmpty();
        browser.look("case-shared");
    }

    @Test
    @Order(45)
    void theScreenerAsksHealthAndHealthsScreenerAnswersFromTheirRequestsPage() throws Exception {
        browser.find(By.xpath("//summary[contains(., 'Ask other agencies')]")).click();
        Browser.button(browser.driver(), "Request information").click();
        assertThat(browser.awaitShowing(By.cssSelector(".govuk-error-summary"), "Agencies")).contains("Agencies");
        browser.look("case-request-refused");

        browser.find(By.cssSelector("label[for='" + agencyCheckbox("HEALTH") + "']")).click();
        browser.find(By.id("request-question")).sendKeys("Is Cai known to the health visitor?");
        Browser.button(browser.driver(), "Request information").click();
        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner--success"), "Information requested")).contains("Information requested");
        assertThat(browser.find(By.id("information-requests")).getText()).contains("Health", "Is Cai known", "Open");

        signInAs("nurse.jones");
        browser.open("/information-requests");
        browser.reloadUntil(LONG, () -> browser.find(By.tagName("main")).getText().contains(reference));
        browser.look("information-requests");
        WebElement request = ourRequest();
        String requestId = request.getAttribute("id").substring("request-".length());
        request.findElement(By.xpath(".//summary[contains(., 'Decline this request')]")).click();
        Browser.button(ourRequest(), "Decline").click();
        assertRefused("Reason", "decline-" + requestId + "-reason");
        browser.look("information-requests-decline-refused");

        Browser.button(ourRequest(), "Answer").click();
        assertRefused("Summary", "answer-" + requestId + "-summary");
        browser.look("information-requests-refused");

        // keyboard only, from the focused error summary: its link to Summary, type, Legal basis, Answer
        browser.tabTo("the error summary's link to Summary", e -> e.getText().startsWith("Summary:"));
        browser.press(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).as("the summary link's field").isEqualTo("answer-" + requestId + "-summary");
        browser.press("Known to the health visitor; two missed appointments.");
        browser.press(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).as("Legal basis: its first choice").isEqualTo("answer-" + requestId + "-legal-basis");
        browser.press(Keys.SPACE);
        assertThat(browser.focused().isSelected()).as("Consent chosen").isTrue();
        browser.press(Keys.TAB);
        assertThat(browser.focused()).as("the request's Answer button").isEqualTo(Browser.button(ourRequest(), "Answer"));
        browser.press(Keys.ENTER);
        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner--success"), "Request answered")).contains("Request answered");

        signInAs("sw.owen");
        browser.open("/cases/" + caseId);
        assertThat(browser.find(By.id("information-requests")).getText()).contains("Answered");
        assertThat(browser.all(By.cssSelector(".mash-agency-information")).stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.contains("two missed appointments") && t.contains("nurse.jones"));
    }

    @Test
    @Order(50)
    void aCaseChangedMeanwhileIsReportedAndNotOverwritten() throws Exception {
        // the health screener shares while this page is open
        Answer shared = Api.post(stack.url("screening", "/api/v1/cases/" + caseId + "/agency-information"),
                TestTokens.token("screener", "HEALTH", "nurse.jones"),
                Map.of("summary", "Known to the health visitor; missed two appointments.", "legalBasis", "CONSENT"));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);

        // keyboard only: Tab to RAG, choose Red, Tab to Rationale and type, Tab to "Rate risk", Enter
        browser.tabTo("RAG of the rating form", e -> "rag".equals(e.getAttribute("name")));
        assertThat(browser.focused().getAttribute("id")).as("RAG's first choice, Red").isEqualTo("rating-rag");
        browser.press(Keys.SPACE);
        assertThat(browser.find(By.id("rating-rag")).isSelected()).isTrue();
        browser.press(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("rating-rationale");
        browser.press("Hunger and shouting at home; health visits missed.");
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo(Browser.button(browser.find(By.id("rate-risk")), "Rate risk"));
        browser.press(Keys.ENTER);

        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner"), "The case changed while you were looking at it"))
                .contains("The case changed while you were looking at it");
        assertThat(browser.all(By.id("risk-ratings")).stream().map(WebElement::getText).toList())
                .noneMatch(t -> t.contains("sw.owen"));
        assertThat(browser.find(By.cssSelector("body")).getText()).contains("missed two appointments");
        browser.look("case-changed-meanwhile");

        // what was typed is still there: the screener checks and sends again, by keyboard
        WebElement rate = Browser.button(browser.find(By.id("rate-risk")), "Rate risk");
        browser.tabTo("Rate risk", e -> e.equals(rate));
        browser.press(Keys.ENTER);
        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner--success"), "Risk rated")).contains("Risk rated");
        assertThat(browser.find(By.id("risk-ratings")).getText()).contains("Red", "sw.owen");
        assertThat(browser.find(By.id("case-summary")).getText()).contains("Red");
    }

    @Test
    @Order(60)
    void aRedCaseCannotBeClosedWithNoFurtherActionAndIsThenDecided() throws Exception {
        selectOutcome("NO_FURTHER_ACTION");
        browser.find(By.id("decision-rationale")).sendKeys("Nothing more to do.");
        Browser.button(browser.find(By.id("record-decision")), "Record decision").click();
        assertThat(browser.awaitShowing(By.cssSelector(".govuk-error-summary"), "Outcome")).contains("Outcome");
        browser.look("case-decision-refused");

        beforeDecision = java.time.Instant.now();
        selectOutcome("CHILD_PROTECTION_STRATEGY");
        WebElement rationale = browser.find(By.id("decision-rationale"));
        rationale.clear();
        rationale.sendKeys("Reasonable cause to suspect significant harm: strategy discussion with police.");
        Browser.button(browser.find(By.id("record-decision")), "Record decision").click();

        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner--success"), "Decision recorded")).contains("Decision recorded");
        assertThat(browser.find(By.id("decision")).getText()).contains("Child protection strategy", "Children", "Police", "sw.owen");
        browser.look("case-decided");
    }

    @Test
    @Order(70)
    void theChildrensTeamFindsTheReferralOnItsQueueAndAcknowledgesIt() throws Exception {
        signInAs("children.team");
        assertThat(browser.path()).startsWith("/queue");
        assertThat(browser.navigation()).containsExactly("Queue", "Sign out");
        browser.reloadUntil(LONG, () -> browser.find(By.tagName("main")).getText().contains(reference));
        browser.look("queue");
        WebElement referral = browser.find(By.xpath("//div[contains(@class, 'mash-referral')][contains(., '" + reference + "')]"));
        assertThat(referral.getText()).contains("Child protection strategy", "Cai " + FAMILY);
        // keyboard only: Tab to this referral's Acknowledge, Enter
        WebElement acknowledge = Browser.button(referral, "Acknowledge");
        browser.tabTo("Acknowledge of " + reference, e -> e.equals(acknowledge));
        browser.press(Keys.ENTER);

        assertThat(browser.awaitShowing(By.cssSelector(".govuk-notification-banner--success"), "Referral acknowledged")).contains("Referral acknowledged");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(reference);
        browser.look("queue-acknowledged");
    }

    @Test
    @Order(80)
    void theManagerReadsTheReportCardWithItsCharts() throws Exception {
        signInAs("mgr.roberts");
        browser.open("/report-card");
        assertThat(browser.find(By.id("figures")).getText()).contains("Contacts received");
        assertThat(browser.all(By.cssSelector("canvas[data-chart]"))).hasSizeGreaterThanOrEqualTo(4);
        // Chart.js drew them (a canvas it drew is given a size and a chart instance)
        Object drawn = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => Chart.getChart(c) !== undefined)");
        assertThat(drawn).isEqualTo(Boolean.TRUE);
        browser.look("report-card");

        // the period in GOV.UK date inputs (Day, Month, Year), never the browser's US-order date control
        assertThat(browser.all(By.cssSelector("input[type='date']"))).isEmpty();
        assertThat(browser.find(By.xpath("//fieldset[legend[normalize-space()='From']]")).getAttribute("role")).isEqualTo("group");
        period("2", "11", "2026", "1", "11", "2026");
        assertRefused("To", "to-day");
        assertThat(browser.find(By.id("to-error")).getText()).contains("after From");
        browser.look("report-card-refused");

        period("31", "2", "2026", "1", "11", "2026");
        assertRefused("From", "from-day");
        assertThat(browser.find(By.id("from-error")).getText()).contains("must be a real date");
        assertThat(browser.find(By.id("from-day")).getAttribute("value")).as("what was typed is kept").isEqualTo("31");
    }

    @Test
    @Order(90)
    void theAuditorMovesAsOfToBeforeTheDecisionAndSeesWhoReadTheCase() throws Exception {
        signInAs("auditor.thomas");
        browser.open("/audit/cases/" + caseId);
        browser.reloadUntil(LONG, () -> browser.find(By.id("state-decision")).getText().contains("Child protection strategy"));
        assertThat(browser.find(By.id("integrity")).getText()).contains("Verified");
        assertThat(browser.find(By.id("reads")).getText()).contains("sw.owen");
        assertThat(browser.find(By.id("timeline")).getText()).contains("Case decision recorded")
                .as("the case's reads are under Who read this case, not in its story").doesNotContain("Case read");
        browser.look("audit-case");

        java.time.LocalDateTime before = beforeDecision.atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime();
        assertThat(browser.find(By.xpath("//fieldset[legend[normalize-space()='As of']]")).getAttribute("role")).isEqualTo("group");
        assertThat(browser.all(By.cssSelector("input[type='datetime-local'], input[type='date']"))).isEmpty();
        type("as-of-day", String.valueOf(before.getDayOfMonth()));
        type("as-of-month", String.valueOf(before.getMonthValue()));
        type("as-of-year", String.valueOf(before.getYear()));
        type("as-of-time", before.toLocalTime().withNano(0).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
        Browser.button(browser.driver(), "Show the case as it stood then").click();

        assertThat(browser.awaitText(By.id("state-decision"), "No decision")).isEqualTo("No decision");
        assertThat(browser.find(By.id("state")).getText()).contains("Red");
        browser.look("audit-case-before-decision");
    }

    @Test
    @Order(100)
    void signingOutEndsTheSession() throws Exception {
        browser.find(By.linkText("Sign out")).click();
        browser.look("sign-out");
        Browser.button(browser.find(By.tagName("main")), "Sign out").click();
        assertThat(browser.awaitPath("/sign-in")).isEqualTo("/sign-in");
        browser.open("/audit/cases/" + caseId);
        assertThat(browser.path()).as("signed out: the case is not shown").isEqualTo("/sign-in");
    }

    /**
     * A refused form as GOV.UK shows it: the error summary has focus, names the field, and links to its
     * control, which shows its own error message; the page's title starts "Error:".
     */
    private void assertRefused(String label, String controlId) {
        // the page before the post may show an earlier refusal's summary: wait for the one naming this field
        WebElement link = browser.await(By.xpath("//*[contains(@class, 'govuk-error-summary')]//a[starts-with(normalize-space(), '" + label + ":')]"));
        WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
        assertThat(browser.awaitFocus(summary)).as("the error summary has focus").isEqualTo(summary);
        assertThat(summary.getText()).contains("There is a problem");
        assertThat(link.getAttribute("href")).endsWith("#" + controlId);
        assertThat(browser.find(By.id(controlId)).isDisplayed()).as("the field the summary links to").isTrue();
        String errorId = controlId.endsWith("-day") ? controlId.substring(0, controlId.length() - "-day".length()) : controlId;
        assertThat(browser.find(By.id(errorId + "-error")).getText()).as("the field's own error message").isNotBlank();
        assertThat(browser.driver().getTitle()).startsWith("Error:");
    }

    /** Our case's request on the information requests page. */
    private WebElement ourRequest() {
        return browser.find(By.xpath("//div[contains(@class, 'mash-information-request')][contains(., '" + reference + "')]"));
    }

    private void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void period(String fromDay, String fromMonth, String fromYear, String toDay, String toMonth, String toYear) {
        type("from-day", fromDay);
        type("from-month", fromMonth);
        type("from-year", fromYear);
        type("to-day", toDay);
        type("to-month", toMonth);
        type("to-year", toYear);
        Browser.button(browser.driver(), "Show period").click();
    }

    /** The id of an agency's checkbox in the "Agencies" of the request form (GOV.UK: first is the bare id). */
    private String agencyCheckbox(String agency) {
        return browser.find(By.cssSelector("input[name='agencies'][value='" + agency + "']")).getAttribute("id");
    }

    /** Signs in as this person and waits for their start page (the session cookie is set by then). */
    private void signInAs(String sub) {
        browser.open("/sign-in");
        browser.find(By.id("sign-in-" + sub)).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !browser.path().startsWith("/sign-in"));
    }

    private void selectOutcome(String value) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("decision-outcome"))).selectByValue(value);
    }

    private static Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("referrer", Map.of("name", "Jane Jones", "organisation", "Ysgol Aberconwy", "agency", "EDUCATION"));
        report.put("channel", "ONLINE");
        report.put("concerns", List.of("NEGLECT"));
        report.put("summary", INJECTION);
        report.put("consent", "GIVEN");
        report.put("subjects", List.of(
                Map.of("role", "CHILD", "givenName", "Cai", "familyName", FAMILY, "dateOfBirth", "2017-05-04"),
                Map.of("role", "PARENT_OR_CARER", "givenName", INJECTION, "familyName", FAMILY)));
        return report;
    }
}
