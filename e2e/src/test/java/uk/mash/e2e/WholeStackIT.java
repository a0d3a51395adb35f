package uk.mash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.mash.e2e.Api.Answer;
import uk.mash.platform.InformationDue;
import uk.mash.platform.ServiceEnvironment;
import uk.mash.testsupport.TestTokens;
import uk.mash.testsupport.TopicReader;

/**
 * One working day at the front door, through the four services' REST APIs and the queue topics
 * only. The steps build on each other (one case's journey), so they run in order on one stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeStackIT {

    private static final Duration LONG = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(5);
    /** How long an agency has to answer about a RED case in this stack (MASH_INFO_DUE_RED). */
    private static final Duration RED_DUE = Duration.ofSeconds(4);

    private String SCHOOL;
    private String POLICE;
    private String HEALTH;
    private String SCREENER;
    private String ADULT_SCREENER;
    private String GP;
    private String CHILDREN_TEAM;
    private String POLICE_TEAM;
    private String ADULTS_TEAM;
    private String AUDITOR;
    private String MANAGER;

    private Stack stack;
    private TopicReader children;
    private TopicReader adults;
    private TopicReader police;

    /** Reports this test sent that intake accepted as new (a repeated police notification is not new). */
    private int reportsSent;

    private String schoolReportId;
    private String schoolReference;
    private String policeReportId;
    private String caseId;
    private Instant beforeDecision;
    private String adultCaseId;

    private String askedCaseId;
    /** agency → its request's id, on the case about which three agencies are asked */
    private final Map<String, String> requestIds = new LinkedHashMap<>();
    private Instant beforeAnswer;

    @BeforeAll
    void startStack() throws Exception {
        // information requests: a RED case's answers due in 4 s (so one goes overdue within the test),
        // an unrated (AMBER) case's in an hour (so none does before the re-rating); the overdue clock
        // checks every second rather than every 10 s
        Map<String, String> settings = new LinkedHashMap<>(ServiceEnvironment.screening(
                new InformationDue(RED_DUE, Duration.ofHours(1), Duration.ofHours(24))));
        settings.put("MASH_SCREENING_OVERDUE_CHECK_EVERY", "1s");
        stack = Stack.start(settings);
        // the signing key exists once the infrastructure has started
        SCHOOL = TestTokens.token("referrer", "EDUCATION", "dsl.jones");
        POLICE = TestTokens.token("police-system", "POLICE", "nwp.niche");
        HEALTH = TestTokens.token("screener", "HEALTH", "nurse.jones");
        SCREENER = TestTokens.token("screener", "CHILDRENS_SERVICES", "screener.e2e");
        ADULT_SCREENER = TestTokens.token("screener", "ADULT_SERVICES", "screener.adults");
        GP = TestTokens.token("referrer", "HEALTH", "gp.williams");
        CHILDREN_TEAM = TestTokens.token("queue-children", "CHILDRENS_SERVICES", "children.team");
        POLICE_TEAM = TestTokens.token("queue-police", "POLICE", "police.mash");
        ADULTS_TEAM = TestTokens.token("queue-adults", "ADULT_SERVICES", "adults.team");
        AUDITOR = TestTokens.token("auditor", "OTHER", "auditor.e2e");
        MANAGER = TestTokens.token("manager", "CHILDRENS_SERVICES", "manager.e2e");
        children = new TopicReader("mash.queue.children");
        adults = new TopicReader("mash.queue.adults");
        police = new TopicReader("mash.queue.police");
    }

    @AfterAll
    void stopStack() {
        for (TopicReader r : new TopicReader[] {children, adults, police}) {
            if (r != null) {
                r.close();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aSchoolsReferralOpensACase() {
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, Referrals.schoolReport("Sam", "Evans", "2016-03-01",
                "Sam often arrives hungry and has said there is shouting at home."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.body().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(sent.body().path("reference").asText()).matches("MASH-\\d{4}-\\d{6}");
        reportsSent++;
        schoolReportId = sent.body().path("reportId").asText();
        schoolReference = sent.body().path("reference").asText();

        caseId = awaitOneCase("Evans", "AWAITING_DECISION");
        JsonNode view = screeningCase(caseId);
        assertThat(view.path("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(Items.texts(view.path("reports"), "reportId")).containsExactly(schoolReportId);
        assertThat(view.path("reReferral").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void aPoliceNotificationSentTwiceIsLinkedOnceAndRatesTheCaseRed() {
        Map<String, Object> notification = Referrals.policeNotification("NWP-PPN-2026-E2E-1", "Sam", "Evans", "2016-03-01");
        Answer first = Api.post(intake("/api/v1/police/notifications"), POLICE, notification);
        Answer again = Api.post(intake("/api/v1/police/notifications"), POLICE, notification);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        policeReportId = first.body().path("reportId").asText();
        assertThat(again.body().path("reportId").asText()).isEqualTo(policeReportId);
        reportsSent++;

        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode view = screeningCase(caseId);
            assertThat(Items.texts(view.path("reports"), "reportId")).contains(policeReportId);
            assertThat(view.path("rag").asText()).isEqualTo("RED");
        });
        // given time to do something wrong, it does not: one case, the notification in it once
        sleep(QUIET);
        JsonNode view = screeningCase(caseId);
        assertThat(Items.texts(view.path("reports"), "reportId")).containsExactlyInAnyOrder(schoolReportId, policeReportId);
        assertThat(casesAbout("Evans")).hasSize(1);
        assertThat(view.path("rag").asText()).isEqualTo("RED");
    }

    @Test
    @Order(3)
    void healthAddsInformationWithItsLegalBasis() {
        Answer added = Api.post(screening("/api/v1/cases/" + caseId + "/agency-information"), HEALTH, Map.of(
                "summary", "Sam missed two developmental reviews; mother disclosed fear of partner to the health visitor.",
                "legalBasis", "SAFEGUARDING_WITHOUT_CONSENT"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        JsonNode info = added.body().path("agencyInformation");
        assertThat(info).hasSize(1);
        assertThat(info.get(0).path("agency").asText()).isEqualTo("HEALTH");
        assertThat(info.get(0).path("sharedBy").asText()).isEqualTo("nurse.jones");
        assertThat(info.get(0).path("legalBasis").asText()).isEqualTo("SAFEGUARDING_WITHOUT_CONSENT");
    }

    @Test
    @Order(4)
    void aStrategyDecisionReachesTheChildrenAndPoliceQueuesAndNotAdults() {
        sleep(Duration.ofSeconds(1));
        beforeDecision = Instant.now();
        sleep(Duration.ofSeconds(1));
        Answer decided = Api.post(screening("/api/v1/cases/" + caseId + "/decision"), SCREENER, Map.of(
                "outcome", "CHILD_PROTECTION_STRATEGY",
                "routes", List.of("CHILDREN", "POLICE"),
                "rationale", "Domestic abuse with a child present, graded high by police; health corroborates."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.body().path("decision").path("outcome").asText()).isEqualTo("CHILD_PROTECTION_STRATEGY");

        TopicReader.Received toChildren = children.await(r -> routed(r, caseId), LONG);
        TopicReader.Received toPolice = police.await(r -> routed(r, caseId), LONG);
        assertThat(toChildren.value()).contains("Sam");
        assertThat(toPolice.value()).contains("Evans");
        assertThat(adults.all(r -> caseId.equals(r.key()), QUIET)).isEmpty();
        // nothing of the health visitor's narrative on either queue
        assertThat(toChildren.value()).doesNotContain("health visitor");
        assertThat(toPolice.value()).doesNotContain("health visitor");
    }

    @Test
    @Order(5)
    void theChildrenTeamAcknowledges() {
        AtomicReference<JsonNode> pending = new AtomicReference<>();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer queue = Api.get(routing("/api/v1/queues/children/referrals?status=PENDING"), CHILDREN_TEAM);
            assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
            List<JsonNode> mine = Items.ofCase(queue.body().path("items"), caseId);
            assertThat(mine).hasSize(1);
            pending.set(mine.get(0));
        });
        String referralId = pending.get().path("referralId").asText();
        Answer ack = Api.post(routing("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement"),
                CHILDREN_TEAM, Map.of("note", "Strategy meeting booked for tomorrow 10:00."));
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);

        Answer acknowledged = Api.get(routing("/api/v1/queues/children/referrals?status=ACKNOWLEDGED"), CHILDREN_TEAM);
        assertThat(Items.ofCase(acknowledged.body().path("items"), caseId)).hasSize(1);
        Answer policeQueue = Api.get(routing("/api/v1/queues/police/referrals"), POLICE_TEAM);
        assertThat(Items.ofCase(policeQueue.body().path("items"), caseId)).hasSize(1);
        Answer adultsQueue = Api.get(routing("/api/v1/queues/adults/referrals"), ADULTS_TEAM);
        assertThat(adultsQueue.status()).isEqualTo(200);
        assertThat(Items.ofCase(adultsQueue.body().path("items"), caseId)).isEmpty();
    }

    @Test
    @Order(6)
    void theReferrerCanAskAfterTheirReport() {
        // the status moving to SCREENING and DECIDED is being added to intake (issue 6 point 2):
        // here only that the school gets an answer about its own report
        Answer status = Api.get(intake("/api/v1/reports/" + schoolReportId), SCHOOL);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(status.body().path("reference").asText()).isEqualTo(schoolReference);
        assertThat(status.body().path("reportId").asText()).isEqualTo(schoolReportId);
        // where intake already follows the case (mash.case-events), what the school sees must be right
        String seen = status.body().path("status").asText();
        assertThat(seen).isIn("RECEIVED", "SCREENING", "DECIDED");
        if (seen.equals("DECIDED")) {
            assertThat(status.body().path("outcome").asText()).isEqualTo("CHILD_PROTECTION_STRATEGY");
            assertThat(status.body().path("caseReference").asText()).startsWith("MASH-");
            assertThat(status.text()).doesNotContain("Evans").doesNotContain("health visitor");
        }
        System.out.println("e2e: the school sees its report as " + status.text());
    }

    @Test
    @Order(7)
    void aNewReportAboutTheSameChildAfterTheDecisionIsAReReferral() {
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, Referrals.schoolReport("Sam", "Evans", "2016-03-01",
                "Sam came in with a bruise on his arm this morning and did not want to go home."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reportsSent++;

        String second = awaitOneCase("Evans", "AWAITING_DECISION");
        assertThat(second).isNotEqualTo(caseId);
        JsonNode view = screeningCase(second);
        assertThat(view.path("reReferral").asBoolean()).isTrue();
        assertThat(Items.texts(view.path("previousCaseIds"), null)).contains(caseId);
        assertThat(casesAbout("Evans")).hasSize(2);
    }

    @Test
    @Order(8)
    void anAdultAtRiskReachesTheAdultsQueue() {
        Answer sent = Api.post(intake("/api/v1/reports"), GP, Map.of(
                "referrer", Map.of("name", "Dr Eleri Williams", "organisation", "Meddygfa Bethesda", "agency", "HEALTH"),
                "channel", "PHONE",
                "concerns", List.of("FINANCIAL_ABUSE", "NEGLECT"),
                "summary", "Mrs Pritchard's nephew collects her pension; she has lost weight and the house is cold.",
                "consent", "GIVEN",
                "subjects", List.of(
                        Map.of("role", "ADULT_AT_RISK", "givenName", "Gwen", "familyName", "Pritchard",
                                "dateOfBirth", "1938-07-14",
                                "address", Map.of("line1", "4 Stryd Fawr", "town", "Bethesda", "postcode", "LL57 3AA")),
                        Map.of("role", "ALLEGED_PERPETRATOR", "givenName", "Carl", "familyName", "Pritchard"))));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reportsSent++;

        adultCaseId = awaitOneCase("Pritchard", "AWAITING_DECISION");
        Answer decided = Api.post(screening("/api/v1/cases/" + adultCaseId + "/decision"), ADULT_SCREENER, Map.of(
                "outcome", "ADULT_SAFEGUARDING_ENQUIRY",
                "rationale", "Likely financial abuse and neglect of an adult with care and support needs."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(Items.texts(decided.body().path("decision").path("routes"), null)).containsExactly("ADULTS");

        adults.await(r -> routed(r, adultCaseId), LONG);
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer queue = Api.get(routing("/api/v1/queues/adults/referrals?status=PENDING"), ADULTS_TEAM);
            assertThat(Items.ofCase(queue.body().path("items"), adultCaseId)).hasSize(1);
        });
        assertThat(children.all(r -> adultCaseId.equals(r.key()), QUIET)).isEmpty();
    }

    @Test
    @Order(9)
    void servicesKilledMidJourneyLoseAndDuplicateNothing() throws Exception {
        // screening dies (SIGKILL); the front door stays open and a report arrives meanwhile
        stack.service("screening").kill();
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, Referrals.schoolReport("Dylan", "Hughes", "2014-09-22",
                "Dylan disclosed that an older boy makes him carry packages after school."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reportsSent++;
        String dylansReport = sent.body().path("reportId").asText();
        stack.service("screening").restart();

        String hughes = awaitOneCase("Hughes", "AWAITING_DECISION");
        sleep(QUIET);
        assertThat(casesAbout("Hughes")).hasSize(1);
        assertThat(Items.texts(screeningCase(hughes).path("reports"), "reportId")).containsExactly(dylansReport);

        // routing dies (SIGKILL); the screener decides meanwhile; after the restart each queue has
        // exactly one referral for that decision
        stack.service("routing").kill();
        Answer decided = Api.post(screening("/api/v1/cases/" + hughes + "/decision"), SCREENER, Map.of(
                "outcome", "CHILD_PROTECTION_STRATEGY",
                "rationale", "Indicators of criminal exploitation of a child."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        stack.service("routing").restart();

        children.await(r -> routed(r, hughes), LONG);
        police.await(r -> routed(r, hughes), LONG);
        sleep(QUIET);
        assertThat(distinctEventIds(children.all(r -> routed(r, hughes), QUIET))).hasSize(1);
        assertThat(distinctEventIds(police.all(r -> routed(r, hughes), QUIET))).hasSize(1);
        Answer queue = Api.get(routing("/api/v1/queues/children/referrals"), CHILDREN_TEAM);
        assertThat(Items.ofCase(queue.body().path("items"), hughes)).hasSize(1);
        assertThat(adults.all(r -> hughes.equals(r.key()), QUIET)).isEmpty();
    }

    @Test
    @Order(10)
    void theAuditorReadsTheHistoryTheStateBeforeTheDecisionTheIntegrityAndWhoReadTheCase() {
        List<String> expected = List.of("mash.report.received.v1", "mash.case.opened.v1", "mash.case.report-linked.v1",
                "mash.case.risk-rated.v1", "mash.case.agency-information-added.v1", "mash.case.decision-recorded.v1",
                "mash.referral.routed.v1", "mash.referral.acknowledged.v1", "mash.access.case-read.v1");
        AtomicReference<JsonNode> history = new AtomicReference<>();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Answer events = Api.get(audit("/api/v1/audit/cases/" + caseId + "/events"), AUDITOR);
            assertThat(events.status()).as(events.toString()).isEqualTo(200);
            assertThat(Items.texts(events.body(), "type")).containsAll(expected);
            history.set(events.body());
        });
        List<String> types = Items.texts(history.get(), "type");
        assertThat(types.stream().filter("mash.report.received.v1"::equals)).hasSize(2); // school + police, once
        assertThat(types.stream().filter("mash.case.report-linked.v1"::equals)).hasSize(1);
        assertThat(types.stream().filter("mash.case.decision-recorded.v1"::equals)).hasSize(1);
        assertThat(types.stream().filter("mash.referral.routed.v1"::equals)).hasSize(2); // children + police
        List<Long> sequences = new ArrayList<>();
        history.get().forEach(e -> sequences.add(e.path("sequence").asLong()));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();

        Answer before = Api.get(audit("/api/v1/audit/cases/" + caseId + "/state?asOf=" + beforeDecision), AUDITOR);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.body().path("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(before.body().path("rag").asText()).isEqualTo("RED");
        Answer now = Api.get(audit("/api/v1/audit/cases/" + caseId + "/state?asOf=" + Instant.now()), AUDITOR);
        assertThat(now.body().path("status").asText()).isEqualTo("DECIDED");

        Answer integrity = Api.get(audit("/api/v1/audit/integrity"), AUDITOR);
        assertThat(integrity.status()).as(integrity.toString()).isEqualTo(200);
        assertThat(integrity.body().path("verified").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.body().path("firstBrokenSequence").isNull()).isTrue();

        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Answer reads = Api.get(audit("/api/v1/audit/access-log?caseId=" + caseId), AUDITOR);
            assertThat(reads.status()).as(reads.toString()).isEqualTo(200);
            JsonNode entries = reads.body().isArray() ? reads.body() : reads.body().path("items");
            assertThat(Items.texts(entries, "sub")).contains("screener.e2e");
        });
    }

    @Test
    @Order(11)
    void theManagersReportCardCountsWhatWasSent() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // Evans, Evans again (re-referral), Pritchard, Hughes
        int casesOpened = 4;
        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Answer card = Api.get(audit("/api/v1/performance?from=" + today + "&to=" + today), MANAGER);
            assertThat(card.status()).as(card.toString()).isEqualTo(200);
            assertThat(card.body().path("contactsReceived").asLong()).as(card.text()).isEqualTo(reportsSent);
            assertThat(card.body().path("casesOpened").asLong()).as(card.text()).isEqualTo(casesOpened);
            // school x3 (Evans, Evans again, Hughes), the GP, the police notification once
            assertThat(Api.JSON.convertValue(card.body().path("byReferringAgency"), Map.class)).as(card.text())
                    .isEqualTo(Map.of("EDUCATION", 3, "HEALTH", 1, "POLICE", 1));
            // decisions: strategy for Evans and Hughes, enquiry for Pritchard; all within the timescale
            assertThat(Api.JSON.convertValue(card.body().path("byOutcome"), Map.class)).as(card.text())
                    .isEqualTo(Map.of("CHILD_PROTECTION_STRATEGY", 2, "ADULT_SAFEGUARDING_ENQUIRY", 1));
            assertThat(card.body().path("decisionsWithinOneWorkingDay").path("count").asLong()).isEqualTo(3);
            assertThat(card.body().path("decisionsWithinOneWorkingDay").path("of").asLong()).isEqualTo(3);
            // cases with a referral still standing: Evans, Pritchard, Hughes
            assertThat(card.body().path("referrals").asLong()).as(card.text()).isEqualTo(3);
        });
        System.out.println("e2e: report card " + Api.get(audit("/api/v1/performance?from=" + today + "&to=" + today),
                MANAGER).text());
    }

    // ------------------------------------------------------------------------------------------
    // Information requests between agencies (issue 13): three agencies asked about a case; health
    // answers, education declines, and police's request, due sooner once the case is rated RED,
    // goes overdue. The report card before this (order 11) counted no requests.
    // ------------------------------------------------------------------------------------------

    @Test
    @Order(12)
    void theScreenerAsksHealthEducationAndPoliceJustifyingSharingWithoutConsent() {
        Map<String, Object> report = Referrals.schoolReport("Mali", "Parry", "2015-06-11",
                "Mali told her teacher she is scared of her mum's new partner and has been sleeping at a friend's.");
        report.put("consent", "NOT_SOUGHT");
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, report);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reportsSent++;
        askedCaseId = awaitOneCase("Parry", "AWAITING_DECISION");
        JsonNode view = screeningCase(askedCaseId);
        assertThat(view.path("consent").asText()).isEqualTo("NOT_SOUGHT");
        assertThat(view.path("rag").isNull()).as("not yet rated: %s", view.path("rag")).isTrue();

        String url = screening("/api/v1/cases/" + askedCaseId + "/information-requests");
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("agencies", List.of("HEALTH", "EDUCATION", "POLICE"));
        ask.put("question", "Is the family known to you: the mother's new partner in particular?");
        // consent was not sought: sharing without it must be justified
        Answer refused = Api.post(url, SCREENER, ask);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text()).contains("consentOverride");
        assertThat(screeningCase(askedCaseId).path("informationRequests")).as("nothing stored for a refusal").isEmpty();

        ask.put("consentOverride", "Asking the mother could alert the partner and put the child at risk of significant harm.");
        Answer asked = Api.post(url, SCREENER, ask);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        JsonNode requests = asked.body().path("informationRequests");
        assertThat(Items.texts(requests, "agency")).containsExactly("HEALTH", "EDUCATION", "POLICE");
        for (JsonNode r : requests) {
            assertThat(r.path("status").asText()).isEqualTo("OPEN");
            assertThat(r.path("overdue").asBoolean()).isFalse();
            assertThat(r.path("requestedBy").asText()).isEqualTo("screener.e2e");
            assertThat(r.path("requestedByAgency").asText()).isEqualTo("CHILDRENS_SERVICES");
            assertThat(r.path("consentOverride").asText()).startsWith("Asking the mother");
            // an unrated case counts as AMBER: an hour here (MASH_INFO_DUE_AMBER=PT1H)
            assertThat(instant(r, "dueBy")).isEqualTo(instant(r, "requestedAt").plus(Duration.ofHours(1)));
            requestIds.put(r.path("agency").asText(), r.path("requestId").asText());
        }
        assertThat(requestIds.values()).doesNotHaveDuplicates();
    }

    @Test
    @Order(13)
    void healthsOwnScreenerAnswersHealthsRequestOnce() {
        String answer = screening("/api/v1/cases/" + askedCaseId + "/information-requests/" + requestIds.get("HEALTH")
                + "/answer");
        Map<String, Object> body = Map.of("summary", "Known to the health visitor: the partner attended A&E twice with"
                + " injuries from fights; Mali's immunisations are overdue.", "legalBasis", "SAFEGUARDING_WITHOUT_CONSENT");
        // only the requested agency's screener answers
        Answer wrongAgency = Api.post(answer, TestTokens.token("screener", "EDUCATION", "dsl.morgan"), body);
        assertThat(wrongAgency.status()).as(wrongAgency.toString()).isEqualTo(403);
        // the family did not consent: the answer cannot claim it
        Answer claimsConsent = Api.post(answer, HEALTH, Map.of("summary", "Known to the health visitor.", "legalBasis", "CONSENT"));
        assertThat(claimsConsent.status()).as(claimsConsent.toString()).isEqualTo(422);

        sleep(Duration.ofSeconds(1));
        beforeAnswer = Instant.now();
        sleep(Duration.ofSeconds(1));
        Answer answered = Api.post(answer, HEALTH, body);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode health = request(answered.body(), "HEALTH");
        assertThat(health.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(health.path("answeredBy").asText()).isEqualTo("nurse.jones");
        List<JsonNode> shared = new ArrayList<>();
        answered.body().path("agencyInformation").forEach(i -> {
            if (requestIds.get("HEALTH").equals(i.path("requestId").asText())) {
                shared.add(i);
            }
        });
        assertThat(shared).as(answered.text()).hasSize(1);
        assertThat(shared.get(0).path("agency").asText()).isEqualTo("HEALTH");
        assertThat(shared.get(0).path("sharedBy").asText()).isEqualTo("nurse.jones");
        assertThat(shared.get(0).path("legalBasis").asText()).isEqualTo("SAFEGUARDING_WITHOUT_CONSENT");

        Answer again = Api.post(answer, HEALTH, body);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    @Order(14)
    void educationsScreenerDeclinesWithAReason() {
        Answer declined = Api.post(screening("/api/v1/cases/" + askedCaseId + "/information-requests/"
                + requestIds.get("EDUCATION") + "/decline"), TestTokens.token("screener", "EDUCATION", "dsl.morgan"),
                Map.of("reason", "Mali moved schools in September; her records went with her to Denbighshire."));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        JsonNode education = request(declined.body(), "EDUCATION");
        assertThat(education.path("status").asText()).isEqualTo("DECLINED");
        assertThat(education.path("declinedBy").asText()).isEqualTo("dsl.morgan");
        assertThat(education.path("declineReason").asText()).startsWith("Mali moved schools");
        assertThat(request(declined.body(), "POLICE").path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    @Order(15)
    void ratedRedThePoliceRequestIsDueSoonerAndGoesOverdueOnce() {
        try (TopicReader caseEvents = new TopicReader("mash.case-events")) {
            Answer rated = Api.post(screening("/api/v1/cases/" + askedCaseId + "/risk-rating"), SCREENER,
                    Map.of("rag", "RED", "rationale", "Health's answer: a violent partner in the home."));
            assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
            JsonNode police = request(rated.body(), "POLICE");
            // still open: due by its requestedAt plus RED's limit, no longer AMBER's hour
            assertThat(instant(police, "dueBy")).isEqualTo(instant(police, "requestedAt").plus(RED_DUE));
            assertThat(police.path("rag").asText()).isEqualTo("RED");
            // answered before the re-rating: its due time stays the one it was answered by
            JsonNode health = request(rated.body(), "HEALTH");
            assertThat(instant(health, "dueBy")).isEqualTo(instant(health, "requestedAt").plus(Duration.ofHours(1)));

            await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(request(screeningCase(askedCaseId), "POLICE").path("overdue").asBoolean()).isTrue());
            JsonNode overdue = request(screeningCase(askedCaseId), "POLICE");
            assertThat(overdue.path("status").asText()).isEqualTo("OPEN");

            caseEvents.await(r -> overdueEvent(r, askedCaseId), LONG);
            // given time to say it again, it does not: one event (one ce_id) for the request
            List<TopicReader.Received> said = caseEvents.all(r -> overdueEvent(r, askedCaseId), QUIET);
            assertThat(distinctEventIds(said)).hasSize(1);
            assertThat(said.get(0).value()).contains(requestIds.get("POLICE")).contains("POLICE");
        }

        // police's screener finds it among its agency's requests, overdue
        String policeScreener = TestTokens.token("screener", "POLICE", "mash.pc.davies");
        Answer list = Api.get(screening("/api/v1/information-requests?agency=POLICE"), policeScreener);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        list.body().path("items").forEach(i -> {
            if (requestIds.get("POLICE").equals(i.path("requestId").asText())) {
                mine.add(i);
            }
        });
        assertThat(mine).as(list.text()).hasSize(1);
        assertThat(mine.get(0).path("caseId").asText()).isEqualTo(askedCaseId);
        assertThat(mine.get(0).path("caseReference").asText()).matches("MASH-\\d{4}-\\d{6}");
        assertThat(mine.get(0).path("rag").asText()).isEqualTo("RED");
        assertThat(mine.get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(mine.get(0).path("overdue").asBoolean()).isTrue();
        // nothing about the people of the case on the list (the request's own words only)
        assertThat(list.text()).doesNotContain("Parry").doesNotContain("Mali").doesNotContain("2015-06-11")
                .doesNotContain("told her teacher");
        // a screener sees its own agency's requests only
        Answer others = Api.get(screening("/api/v1/information-requests?agency=HEALTH"), policeScreener);
        assertThat(others.status()).as(others.toString()).isEqualTo(403);
    }

    @Test
    @Order(16)
    void theAuditorSeesTheRequestsAsTheyStoodAndTheReportCardCountsThem() {
        List<String> expected = List.of("mash.case.information-requested.v1", "mash.case.information-request-answered.v1",
                "mash.case.information-request-declined.v1", "mash.case.information-request-overdue.v1");
        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Answer events = Api.get(audit("/api/v1/audit/cases/" + askedCaseId + "/events"), AUDITOR);
            assertThat(events.status()).as(events.toString()).isEqualTo(200);
            assertThat(Items.texts(events.body(), "type")).containsAll(expected);
        });

        Answer before = Api.get(audit("/api/v1/audit/cases/" + askedCaseId + "/state?asOf=" + beforeAnswer), AUDITOR);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(request(before.body(), "HEALTH").path("status").asText()).as(before.text()).isEqualTo("OPEN");
        assertThat(Items.texts(before.body().path("agencyInformation"), "requestId")).doesNotContain(requestIds.get("HEALTH"));

        Answer now = Api.get(audit("/api/v1/audit/cases/" + askedCaseId + "/state?asOf=" + Instant.now()), AUDITOR);
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        assertThat(request(now.body(), "HEALTH").path("status").asText()).as(now.text()).isEqualTo("ANSWERED");
        assertThat(request(now.body(), "EDUCATION").path("status").asText()).isEqualTo("DECLINED");
        assertThat(request(now.body(), "POLICE").path("overdue").asBoolean()).isTrue();
        assertThat(Items.texts(now.body().path("agencyInformation"), "requestId")).contains(requestIds.get("HEALTH"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Answer card = Api.get(audit("/api/v1/performance?from=" + today + "&to=" + today), MANAGER);
            assertThat(card.status()).as(card.toString()).isEqualTo(200);
            JsonNode sharing = card.body().path("informationSharing");
            assertThat(sharing.path("requests").asLong()).as(card.text()).isEqualTo(3);
            assertThat(sharing.path("answered").asLong()).as(card.text()).isEqualTo(1);
            assertThat(sharing.path("declined").asLong()).as(card.text()).isEqualTo(1);
            assertThat(sharing.path("open").asLong()).as(card.text()).isEqualTo(1);
        });
        System.out.println("e2e: information sharing " + Api.get(audit("/api/v1/performance?from=" + today + "&to=" + today),
                MANAGER).body().path("informationSharing"));
    }

    @Test
    @Order(17)
    void theBenchRunsEndToEndOnATinyLoad() throws Exception {
        // the bench (bench/, as ./mash bench runs it), as a process, on a few reports a second: a smoke
        // run (no speed is asserted); every report it sends must come through, and the results must be written
        Path home = Files.createTempDirectory(stack.logs(), "bench-home");
        Files.createDirectories(home.resolve("run"));
        for (String name : List.of("intake", "screening", "routing", "audit")) {
            Files.writeString(home.resolve("run/" + name + ".pid"), Long.toString(stack.service(name).pid()));
        }
        Path tool = stack.root().resolve("bench/target");
        Path jar;
        try (var jars = Files.list(tool)) {
            jar = jars.filter(f -> f.getFileName().toString().matches("bench-.*\\.jar")
                    && !f.getFileName().toString().contains("-tests")).findFirst().orElseThrow();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", tool.resolve("lib") + "/*" + java.io.File.pathSeparator + jar, "uk.mash.bench.BenchCommand",
                "--key", System.getProperty("mash.test.jwt.private-key"), "--home", home.toString(),
                "--intake", stack.url("intake", ""), "--screening", stack.url("screening", ""),
                "--audit", stack.url("audit", ""),
                "--kafka", stack.kafkaBootstrap, "--db", stack.superUrl, "--audit-db", "e2e_audit",
                "--warmup", "0", "--duration", "5", "--rate", "8", "--latency-duration", "5", "--latency-rate", "8",
                "--baseline-duration", "1", "--in-flight", "4", "--drain-timeout", "120", "--log-entries", "0",
                "--history-entries", "0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(stack.logs().resolve("bench-smoke.log").toFile());
        builder.environment().put("MASH_DB_USER", stack.superuser);
        builder.environment().put("MASH_DB_PASSWORD", stack.superPassword);
        Process bench = builder.start();
        assertThat(bench.waitFor(8, java.util.concurrent.TimeUnit.MINUTES)).as("bench finished").isTrue();
        String printed = Files.readString(stack.logs().resolve("bench-smoke.log"));
        assertThat(bench.exitValue()).as(printed).isZero();

        JsonNode result = Api.JSON.readTree(home.resolve("bench/latest.json").toFile());
        JsonNode pipeline = result.path("pipeline");
        long accepted = pipeline.path("reportsAccepted").asLong();
        assertThat(accepted).as(printed).isPositive();
        assertThat(pipeline.path("reportsFailed").asLong()).isZero();
        assertThat(pipeline.path("casesOpened").asLong()).isEqualTo(accepted);
        assertThat(pipeline.path("drained").asBoolean()).as(printed).isTrue();
        assertThat(pipeline.path("auditVerified").asBoolean()).isTrue();
        assertThat(pipeline.path("reportsPerSecond").asDouble()).isPositive();
        assertThat(pipeline.path("baselineRatio").asDouble()).isPositive();
        JsonNode latency = result.path("latency");
        assertThat(latency.path("acceptedToCaseSamples").asLong()).isEqualTo(latency.path("reportsAccepted").asLong())
                .isPositive();
        assertThat(latency.path("acceptedToCaseMissing").asLong()).isZero();
        assertThat(latency.path("decisionToQueueSamples").asLong()).isPositive();
        assertThat(latency.path("decisionToQueueMissing").asLong()).isZero();
        for (String name : List.of("intake", "screening", "routing", "audit")) {
            assertThat(result.path("rssMb").path(name).asDouble()).as("peak RSS of %s", name).isPositive();
        }
        // issue 16: CPU per process, the physical floor, decision -> queue hop by hop
        JsonNode cpu = result.path("cpu").path("pipeline");
        for (String name : List.of("intake", "screening", "routing", "audit", "bench")) {
            assertThat(cpu.path("cpuSeconds").path(name).asDouble()).as("%s's CPU over the pipeline", name).isPositive();
        }
        assertThat(cpu.path("totalCpuMsPerReport").asDouble()).isPositive();
        assertThat(cpu.path("availableCpuSeconds").asDouble()).isPositive();
        JsonNode floor = result.path("floor");
        assertThat(floor.path("rowsPerReport").asDouble()).as(printed).isPositive();
        assertThat(floor.path("recordsPerReport").asDouble()).as(printed).isPositive();
        assertThat(floor.path("floorRatio").asDouble()).isPositive();
        assertThat(floor.path("synchronousCommit").asText()).isEqualTo("on");
        // the test server runs with fsync off (TestPostgres): the bench must say its commits are not durable
        assertThat(floor.path("fsync").asText()).isIn("on", "off");
        assertThat(floor.path("durable").asBoolean()).isEqualTo(floor.path("fsync").asText().equals("on"));
        assertThat(printed.contains("WARNING: the measured PostgreSQL")).isEqualTo(!floor.path("durable").asBoolean());
        JsonNode hops = result.path("decisionHops");
        assertThat(hops.path("samples").asLong()).isEqualTo(latency.path("decisionToQueueSamples").asLong());
        assertThat(hops.path("kafkaTimestampType").asText()).isEqualTo("CreateTime");
        assertThat(hops.path("total").path("p50Ms").asDouble()).isPositive();
        // every report of the latency phase split hop by hop: its record on mash.reports and its case's were read
        JsonNode toCase = result.path("acceptedHops");
        assertThat(toCase.path("samples").asLong()).isEqualTo(latency.path("acceptedToCaseSamples").asLong());
        assertThat(toCase.path("kafkaTimestampType").asText()).isEqualTo("CreateTime");
        assertThat(toCase.path("total").path("p50Ms").asDouble()).isPositive();
        byte[] png = Files.readAllBytes(home.resolve("bench/latest.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    // ------------------------------------------------------------------------------------------

    /** Waits until exactly one case about the family is in the given status and returns its id. */
    private String awaitOneCase(String familyName, String status) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> open = casesAbout(familyName).stream()
                    .filter(c -> status.equals(c.path("status").asText())).toList();
            assertThat(open).hasSize(1);
            found.set(open.get(0).path("caseId").asText());
        });
        return found.get();
    }

    private List<JsonNode> casesAbout(String familyName) {
        Answer list = Api.get(screening("/api/v1/cases?size=200"), SCREENER);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> about = new ArrayList<>();
        for (JsonNode c : list.body().path("items")) {
            for (JsonNode s : c.path("subjects")) {
                if (familyName.equals(s.path("familyName").asText())) {
                    about.add(c);
                    break;
                }
            }
        }
        return about;
    }

    private JsonNode screeningCase(String id) {
        Answer view = Api.get(screening("/api/v1/cases/" + id), SCREENER);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        return view.body();
    }

    /** The information request to that agency in a case view (screening's or audit's). */
    private static JsonNode request(JsonNode view, String agency) {
        for (JsonNode r : view.path("informationRequests")) {
            if (agency.equals(r.path("agency").asText())) {
                return r;
            }
        }
        throw new AssertionError("no information request to " + agency + " in " + view);
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText());
    }

    private static boolean overdueEvent(TopicReader.Received r, String caseId) {
        return caseId.equals(r.key()) && "mash.case.information-request-overdue.v1".equals(r.header("ce_type"));
    }

    private static boolean routed(TopicReader.Received r, String caseId) {
        return caseId.equals(r.key()) && "mash.referral.routed.v1".equals(r.header("ce_type"));
    }

    private static Set<String> distinctEventIds(List<TopicReader.Received> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.header("ce_id")));
        return ids;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String intake(String path) {
        return stack.url("intake", path);
    }

    private String screening(String path) {
        return stack.url("screening", path);
    }

    private String routing(String path) {
        return stack.url("routing", path);
    }

    private String audit(String path) {
        return stack.url("audit", path);
    }
}
