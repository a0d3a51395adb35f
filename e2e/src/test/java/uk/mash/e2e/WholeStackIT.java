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

    @BeforeAll
    void startStack() throws Exception {
        stack = Stack.start();
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
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, schoolReport("Sam", "Evans", "2016-03-01",
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
        assertThat(texts(view.path("reports"), "reportId")).containsExactly(schoolReportId);
        assertThat(view.path("reReferral").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void aPoliceNotificationSentTwiceIsLinkedOnceAndRatesTheCaseRed() {
        Map<String, Object> notification = policeNotification("NWP-PPN-2026-E2E-1", "Sam", "Evans", "2016-03-01");
        Answer first = Api.post(intake("/api/v1/police/notifications"), POLICE, notification);
        Answer again = Api.post(intake("/api/v1/police/notifications"), POLICE, notification);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        policeReportId = first.body().path("reportId").asText();
        assertThat(again.body().path("reportId").asText()).isEqualTo(policeReportId);
        reportsSent++;

        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode view = screeningCase(caseId);
            assertThat(texts(view.path("reports"), "reportId")).contains(policeReportId);
            assertThat(view.path("rag").asText()).isEqualTo("RED");
        });
        // given time to do something wrong, it does not: one case, the notification in it once
        sleep(QUIET);
        JsonNode view = screeningCase(caseId);
        assertThat(texts(view.path("reports"), "reportId")).containsExactlyInAnyOrder(schoolReportId, policeReportId);
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
            List<JsonNode> mine = itemsFor(queue.body().path("items"), caseId);
            assertThat(mine).hasSize(1);
            pending.set(mine.get(0));
        });
        String referralId = pending.get().path("referralId").asText();
        Answer ack = Api.post(routing("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement"),
                CHILDREN_TEAM, Map.of("note", "Strategy meeting booked for tomorrow 10:00."));
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);

        Answer acknowledged = Api.get(routing("/api/v1/queues/children/referrals?status=ACKNOWLEDGED"), CHILDREN_TEAM);
        assertThat(itemsFor(acknowledged.body().path("items"), caseId)).hasSize(1);
        Answer policeQueue = Api.get(routing("/api/v1/queues/police/referrals"), POLICE_TEAM);
        assertThat(itemsFor(policeQueue.body().path("items"), caseId)).hasSize(1);
        Answer adultsQueue = Api.get(routing("/api/v1/queues/adults/referrals"), ADULTS_TEAM);
        assertThat(adultsQueue.status()).isEqualTo(200);
        assertThat(itemsFor(adultsQueue.body().path("items"), caseId)).isEmpty();
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
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, schoolReport("Sam", "Evans", "2016-03-01",
                "Sam came in with a bruise on his arm this morning and did not want to go home."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reportsSent++;

        String second = awaitOneCase("Evans", "AWAITING_DECISION");
        assertThat(second).isNotEqualTo(caseId);
        JsonNode view = screeningCase(second);
        assertThat(view.path("reReferral").asBoolean()).isTrue();
        assertThat(texts(view.path("previousCaseIds"), null)).contains(caseId);
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
        assertThat(texts(decided.body().path("decision").path("routes"), null)).containsExactly("ADULTS");

        adults.await(r -> routed(r, adultCaseId), LONG);
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer queue = Api.get(routing("/api/v1/queues/adults/referrals?status=PENDING"), ADULTS_TEAM);
            assertThat(itemsFor(queue.body().path("items"), adultCaseId)).hasSize(1);
        });
        assertThat(children.all(r -> adultCaseId.equals(r.key()), QUIET)).isEmpty();
    }

    @Test
    @Order(9)
    void servicesKilledMidJourneyLoseAndDuplicateNothing() throws Exception {
        // screening dies (SIGKILL); the front door stays open and a report arrives meanwhile
        stack.service("screening").kill();
        Answer sent = Api.post(intake("/api/v1/reports"), SCHOOL, schoolReport("Dylan", "Hughes", "2014-09-22",
                "Dylan disclosed that an older boy makes him carry packages after school."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        reportsSent++;
        String dylansReport = sent.body().path("reportId").asText();
        stack.service("screening").restart();

        String hughes = awaitOneCase("Hughes", "AWAITING_DECISION");
        sleep(QUIET);
        assertThat(casesAbout("Hughes")).hasSize(1);
        assertThat(texts(screeningCase(hughes).path("reports"), "reportId")).containsExactly(dylansReport);

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
        assertThat(itemsFor(queue.body().path("items"), hughes)).hasSize(1);
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
            assertThat(texts(events.body(), "type")).containsAll(expected);
            history.set(events.body());
        });
        List<String> types = texts(history.get(), "type");
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
            assertThat(texts(entries, "sub")).contains("screener.e2e");
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

    @Test
    @Order(12)
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
                "--baseline-duration", "1", "--in-flight", "4", "--drain-timeout", "120", "--log-entries", "0");
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
        byte[] png = Files.readAllBytes(home.resolve("bench/latest.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    // ------------------------------------------------------------------------------------------

    private static Map<String, Object> schoolReport(String given, String family, String dob, String summary) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("referrer", Map.of("name", "Jane Jones", "role", "Designated Safeguarding Lead",
                "organisation", "Ysgol Aberconwy", "agency", "EDUCATION", "email", "dsl@example.org"));
        report.put("channel", "ONLINE");
        report.put("concerns", List.of("NEGLECT", "EMOTIONAL_ABUSE"));
        report.put("summary", summary);
        report.put("consent", "GIVEN");
        report.put("subjects", List.of(
                Map.of("role", "CHILD", "givenName", given, "familyName", family, "dateOfBirth", dob,
                        "address", Map.of("line1", "1 High Street", "town", "Conwy", "postcode", "LL32 8DU")),
                Map.of("role", "PARENT_OR_CARER", "givenName", "Rhian", "familyName", family)));
        return report;
    }

    private static Map<String, Object> policeNotification(String id, String given, String family, String dob) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("notificationId", id);
        n.put("force", "NORTH_WALES_POLICE");
        n.put("occurrenceNumber", "NWP/26/123456");
        n.put("officer", Map.of("collarNumber", "1234", "name", "PC Davies", "station", "Llandudno"));
        n.put("incidentAt", Instant.now().minusSeconds(3600).toString());
        n.put("riskGrade", "HIGH");
        n.put("concerns", List.of("DOMESTIC_ABUSE"));
        n.put("summary", "Officers attended a domestic incident; a child was present.");
        n.put("persons", List.of(
                Map.of("involvement", "VICTIM", "givenName", "Rhian", "familyName", family, "dateOfBirth", "1990-05-02"),
                Map.of("involvement", "SUSPECT", "givenName", "Mark", "familyName", family),
                Map.of("involvement", "CHILD_PRESENT", "givenName", given, "familyName", family, "dateOfBirth", dob)));
        return n;
    }

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

    private static List<JsonNode> itemsFor(JsonNode items, String caseId) {
        List<JsonNode> mine = new ArrayList<>();
        items.forEach(i -> {
            if (caseId.equals(i.path("caseId").asText())) {
                mine.add(i);
            }
        });
        return mine;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
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
