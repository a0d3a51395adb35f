package uk.mash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.mash.e2e.Api.Answer;
import uk.mash.testsupport.TestTokens;

/**
 * Issue 15: two replicas of each of the four services (as {@code ./mash up --replicas 2} runs
 * them: one database and one Kafka consumer group per service), and the hub goes on when one of
 * each dies.
 * <ol>
 * <li>The journeys with every call spread over both replicas: reports to intake 1 and 2 (a police
 * notification sent again to the other replica is the same report), the screener's changes on
 * screening 1 and 2 with the case's ETag and {@code If-Match} (a version read on one replica
 * refused as stale on the other; two decisions at once on the two replicas record one), the
 * teams' queues on routing 1 and 2, the auditor's reads on audit 1 and 2.</li>
 * <li>A burst of reports as fast as intake accepts them, through both replicas: reports a second
 * accepted, given a case, and in audit's log.</li>
 * <li>A steady load, a screener deciding cases as they open, and one replica of each service
 * SIGKILLed in turn, {@value #KILL_GAP_S} s apart, never started again. The kills are one at a
 * time so that each survivor's takeover is seen on its own: killed all at once, screening's
 * processors (taken over last) would hold back the decisions routing and audit need to show
 * theirs. Then nothing is lost or doubled (every report in exactly one case, every case decided,
 * every decision routed once per route, every event once in audit's log, integrity verified, no
 * dead letters, the survivors ready), and how long each kind of work waited after each kill.</li>
 * <li>The same burst through the survivors alone: one replica against two.</li>
 * </ol>
 * {@code -Dmash.replicas.rate=R} reports a second for the steady load (default 3: eight service
 * JVMs, the broker and PostgreSQL share two cores), {@code -Dmash.replicas.burst=N} (default 150).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final int REPLICAS = 2;
    private static final List<String> SERVICES = List.of("intake", "screening", "routing", "audit");
    private static final double RATE = Double.parseDouble(System.getProperty("mash.replicas.rate", "3"));
    private static final int BURST = Integer.getInteger("mash.replicas.burst", 150);
    private static final int BURST_IN_FLIGHT = 8;
    private static final long KILL_GAP_S = 20;
    private static final Duration KILL_GAP = Duration.ofSeconds(KILL_GAP_S);
    /** Work of each kind that arrived from this long before a kill counts as met by it. */
    private static final Duration BEFORE_KILL = Duration.ofSeconds(2);
    /** ... and until this long after it. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(5);

    /** One replica SIGKILLed: which, its pid, when, and why that one. */
    record Kill(String service, int replica, long pid, Instant at, String why) {
        String name() {
            return service + "-" + replica;
        }
    }

    /** A burst's figures, reports a second from its first send until the last was accepted, given a case, in audit's log. */
    record Throughput(String through, int reports, double accepted, double cased, double audited, String loadAverage) {
    }

    /** One piece of work of a kind: when its input was there, and when its output was. */
    record Wait(Instant in, Instant out) {
    }

    private static final java.util.logging.Logger KAFKA_CLIENTS = java.util.logging.Logger.getLogger("org.apache.kafka");

    private Stack stack;
    private final Map<String, Replicas> replicas = new LinkedHashMap<>();
    private TopicWatch watch;
    private RetryingClient client;
    private ReportLoad load;
    private Screener screener;
    private Invariants checks;
    private AuditCopy audit;
    private final AtomicBoolean screenerListening = new AtomicBoolean();

    private String school;
    private String police;
    private String gp;
    private String screenerToken;
    private String adultScreener;
    private String childrenTeam;
    private String policeTeam;
    private String adultsTeam;
    private String auditor;
    private String manager;

    private String caseId;
    private String schoolReportId;
    private String policeReportId;
    private Instant beforeDecision;
    /** Cases the journeys decided (the load's screener decides the others). */
    private final Set<String> decidedByJourneys = new HashSet<>();
    private final List<Kill> kills = new ArrayList<>();
    private final List<Throughput> throughput = new ArrayList<>();

    @BeforeAll
    void startStack() throws Exception {
        KAFKA_CLIENTS.setLevel(java.util.logging.Level.WARNING);
        Instant start = Instant.now();
        stack = Stack.start(Map.of(), REPLICAS);
        System.out.printf("replicas: %d replicas of each of %s ready in %d s%n", REPLICAS, SERVICES,
                Duration.between(start, Instant.now()).toSeconds());
        for (String name : SERVICES) {
            replicas.put(name, new Replicas(stack, name, REPLICAS));
        }
        school = TestTokens.token("referrer", "EDUCATION", "dsl.jones");
        police = TestTokens.token("police-system", "POLICE", "nwp.niche");
        gp = TestTokens.token("referrer", "HEALTH", "gp.williams");
        screenerToken = TestTokens.token("screener", "CHILDRENS_SERVICES", "screener.replicas");
        adultScreener = TestTokens.token("screener", "ADULT_SERVICES", "screener.adults");
        childrenTeam = TestTokens.token("queue-children", "CHILDRENS_SERVICES", "children.team");
        policeTeam = TestTokens.token("queue-police", "POLICE", "police.mash");
        adultsTeam = TestTokens.token("queue-adults", "ADULT_SERVICES", "adults.team");
        auditor = TestTokens.token("auditor", "OTHER", "auditor.replicas");
        manager = TestTokens.token("manager", "CHILDRENS_SERVICES", "manager.replicas");
        watch = new TopicWatch(stack.kafkaBootstrap);
        client = new RetryingClient();
        String schoolLoad = TestTokens.token("referrer", "EDUCATION", "dsl.load");
        String gpLoad = TestTokens.token("referrer", "HEALTH", "gp.load");
        load = new ReportLoad(client, replicas.get("intake"), () -> schoolLoad, () -> gpLoad);
        screener = new Screener(client, replicas.get("screening"), () -> screenerToken);
        checks = new Invariants(watch, load);
        // the auditor's copy of the log is read from audit's second replica, the one never killed
        audit = new AuditCopy(replicas.get("audit").url(2), () -> auditor);
    }

    @AfterAll
    void stopStack() throws Exception {
        Closing.all(watch, client, stack);
    }

    // ---- 1. the journeys, every call spread over both replicas -------------------------------------

    @Test
    @Order(1)
    void reportsToEitherIntakeReplicaOpenOneCaseAndAResentNotificationIsOneReport() {
        Answer sent = Api.post(intake(1, "/api/v1/reports"), school, Referrals.schoolReport("Sam", "Evans", "2016-03-01",
                "Sam often arrives hungry and has said there is shouting at home."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        schoolReportId = sent.body().path("reportId").asText();

        // the police system's retry reaches the other replica: the same report, not a second one
        Map<String, Object> notification = Referrals.policeNotification("NWP-PPN-2026-REPL-1", "Sam", "Evans", "2016-03-01");
        Answer first = Api.post(intake(2, "/api/v1/police/notifications"), police, notification);
        Answer again = Api.post(intake(1, "/api/v1/police/notifications"), police, notification);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        policeReportId = first.body().path("reportId").asText();
        assertThat(again.body().path("reportId").asText()).isEqualTo(policeReportId);

        caseId = awaitOneCase(1, "Evans");
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode view = screeningCase(2, caseId).body();
            assertThat(Items.texts(view.path("reports"), "reportId")).containsExactlyInAnyOrder(schoolReportId, policeReportId);
            assertThat(view.path("rag").asText()).isEqualTo("RED");
        });
        sleep(QUIET);
        assertThat(casesAbout(2, "Evans")).as("one case about Sam").hasSize(1);
        assertThat(Items.texts(screeningCase(1, caseId).body().path("reports"), "reportId"))
                .containsExactlyInAnyOrder(schoolReportId, policeReportId);
    }

    @Test
    @Order(2)
    void theScreenersChangesOnEitherScreeningReplicaMeetTheSameCaseVersion() {
        Answer read = screeningCase(1, caseId);
        String seen = read.etag();
        assertThat(seen).as("screening 1's ETag").isNotBlank();
        assertThat(screeningCase(2, caseId).etag()).as("the same version on screening 2").isEqualTo(seen);

        // rated on screening 2 with the version read on screening 1
        Answer rated = Api.post(screening(2, "/api/v1/cases/" + caseId + "/risk-rating"), screenerToken,
                Map.of("rag", "RED", "rationale", "Domestic abuse with a child present, graded high by police."), seen);
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        String afterRating = rated.etag();
        assertThat(afterRating).isNotEqualTo(seen);

        // the version read before the rating is stale on screening 1 too: 412, nothing recorded
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("agencies", List.of("HEALTH"));
        ask.put("question", "Is the family known to the health visitor?");
        ask.put("consentOverride", "Asking the mother could alert her partner and put the child at risk of significant harm.");
        Answer stale = Api.post(screening(1, "/api/v1/cases/" + caseId + "/information-requests"), screenerToken, ask, seen);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(screeningCase(2, caseId).body().path("informationRequests")).as("nothing stored for a refusal").isEmpty();

        Answer asked = Api.post(screening(1, "/api/v1/cases/" + caseId + "/information-requests"), screenerToken, ask,
                afterRating);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(Items.texts(asked.body().path("informationRequests"), "agency")).containsExactly("HEALTH");
        String afterAsking = asked.etag();
        // the same agency asked again on the other replica: it already has an open request
        Answer askedAgain = Api.post(screening(2, "/api/v1/cases/" + caseId + "/information-requests"), screenerToken,
                ask, afterAsking);
        assertThat(askedAgain.status()).as(askedAgain.toString()).isEqualTo(409);

        sleep(Duration.ofSeconds(1));
        beforeDecision = Instant.now();
        sleep(Duration.ofSeconds(1));
        Answer decided = Api.post(screening(2, "/api/v1/cases/" + caseId + "/decision"), screenerToken, Map.of(
                "outcome", "CHILD_PROTECTION_STRATEGY", "routes", List.of("CHILDREN", "POLICE"),
                "rationale", "Domestic abuse with a child present, graded high by police."), afterAsking);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo("DECIDED");
        decidedByJourneys.add(caseId);
        assertThat(screeningCase(1, caseId).body().path("status").asText()).as("screening 1 sees it decided")
                .isEqualTo("DECIDED");
    }

    @Test
    @Order(3)
    void twoDecisionsAtOnceOnTheTwoScreeningReplicasRecordOne() throws Exception {
        Answer sent = Api.post(intake(2, "/api/v1/reports"), gp, Map.of(
                "referrer", Map.of("name", "Dr Eleri Williams", "organisation", "Meddygfa Bethesda", "agency", "HEALTH"),
                "channel", "PHONE", "concerns", List.of("FINANCIAL_ABUSE", "NEGLECT"),
                "summary", "Her nephew collects her pension; she has lost weight and the house is cold.",
                "consent", "GIVEN",
                "subjects", List.of(Map.of("role", "ADULT_AT_RISK", "givenName", "Gwen", "familyName", "Pritchard",
                        "dateOfBirth", "1938-07-14"))));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String adultCase = awaitOneCase(2, "Pritchard");
        String version = screeningCase(1, adultCase).etag();

        // two screeners decide the same case on the same version, one on each replica, at once:
        // the event store's own check lets one through; the other is told the case moved on
        List<CompletableFuture<Answer>> both = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            int replica = k;
            both.add(CompletableFuture.supplyAsync(() -> Api.post(screening(replica, "/api/v1/cases/" + adultCase
                    + "/decision"), adultScreener, Map.of("outcome", "ADULT_SAFEGUARDING_ENQUIRY",
                    "rationale", "Likely financial abuse (screener on replica " + replica + ")."), version)));
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> a : both) {
            answers.add(a.get(1, TimeUnit.MINUTES));
        }
        List<Integer> statuses = answers.stream().map(Answer::status).sorted().toList();
        System.out.println("replicas: two decisions at once on one version answered " + statuses);
        assertThat(statuses).as(answers.toString()).hasSize(2).first().isEqualTo(200);
        // the loser, sent with If-Match of the undecided case: 412 (also when screening made it again on
        // the case as it now stands, a concurrent change being retried), or 409 once those retries ran
        // out; never 422 "say why you supersede a decision" about a decision its screener never saw
        assertThat(statuses.get(1)).as(answers.toString()).isIn(409, 412);
        String winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow()
                .body().path("decision").path("rationale").asText();
        decidedByJourneys.add(adultCase);

        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer queue = Api.get(routing(2, "/api/v1/queues/adults/referrals"), adultsTeam);
            assertThat(Items.ofCase(queue.body().path("items"), adultCase)).hasSize(1);
        });
        sleep(QUIET);
        assertThat(screeningCase(2, adultCase).body().path("decision").path("rationale").asText()).isEqualTo(winner);
        assertThat(watch.events().stream().filter(e -> adultCase.equals(e.caseId())
                && "mash.case.decision-recorded.v1".equals(e.type()))).as("decision events of the case").hasSize(1);
        assertThat(Items.ofCase(Api.get(routing(1, "/api/v1/queues/adults/referrals"), adultsTeam).body().path("items"),
                adultCase)).as("the adults queue, read on routing 1").hasSize(1);
    }

    @Test
    @Order(4)
    void theTeamsReadAndAcknowledgeOnEitherRoutingReplica() {
        AtomicReference<String> referralId = new AtomicReference<>();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer pending = Api.get(routing(1, "/api/v1/queues/children/referrals?status=PENDING"), childrenTeam);
            assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
            List<JsonNode> mine = Items.ofCase(pending.body().path("items"), caseId);
            assertThat(mine).hasSize(1);
            referralId.set(mine.get(0).path("referralId").asText());
        });
        Answer ack = Api.post(routing(2, "/api/v1/queues/children/referrals/" + referralId.get() + "/acknowledgement"),
                childrenTeam, Map.of("note", "Strategy meeting booked for tomorrow 10:00."));
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);

        Answer acknowledged = Api.get(routing(1, "/api/v1/queues/children/referrals?status=ACKNOWLEDGED"), childrenTeam);
        assertThat(Items.ofCase(acknowledged.body().path("items"), caseId)).hasSize(1);
        Answer all = Api.get(routing(2, "/api/v1/queues/children/referrals"), childrenTeam);
        assertThat(Items.ofCase(all.body().path("items"), caseId)).as("the referral on the children queue once").hasSize(1);
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer policeQueue = Api.get(routing(2, "/api/v1/queues/police/referrals"), policeTeam);
            assertThat(Items.ofCase(policeQueue.body().path("items"), caseId)).as("once on the police queue").hasSize(1);
        });
        Answer adultsQueue = Api.get(routing(1, "/api/v1/queues/adults/referrals"), adultsTeam);
        assertThat(Items.ofCase(adultsQueue.body().path("items"), caseId)).isEmpty();
    }

    @Test
    @Order(5)
    void theAuditorReadsTheSameHistoryOnEitherAuditReplica() {
        List<String> expected = List.of("mash.report.received.v1", "mash.case.opened.v1", "mash.case.report-linked.v1",
                "mash.case.risk-rated.v1", "mash.case.information-requested.v1", "mash.case.decision-recorded.v1",
                "mash.referral.routed.v1", "mash.referral.acknowledged.v1");
        AtomicReference<JsonNode> history = new AtomicReference<>();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Answer events = Api.get(audit(1, "/api/v1/audit/cases/" + caseId + "/events"), auditor);
            assertThat(events.status()).as(events.toString()).isEqualTo(200);
            assertThat(Items.texts(events.body(), "type")).containsAll(expected);
            history.set(events.body());
        });
        List<String> types = Items.texts(history.get(), "type");
        assertThat(types.stream().filter("mash.report.received.v1"::equals)).as("school and police, once each").hasSize(2);
        assertThat(types.stream().filter("mash.case.decision-recorded.v1"::equals)).hasSize(1);
        assertThat(types.stream().filter("mash.referral.routed.v1"::equals)).as("children and police").hasSize(2);
        List<Long> sequences = new ArrayList<>();
        history.get().forEach(e -> sequences.add(e.path("sequence").asLong()));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        List<String> ids = Items.texts(history.get(), "eventId");
        assertThat(ids).doesNotHaveDuplicates();
        // audit 2 holds the same entries, in the same order (one log, whichever replica appended them)
        Answer onTwo = Api.get(audit(2, "/api/v1/audit/cases/" + caseId + "/events"), auditor);
        assertThat(Items.texts(onTwo.body(), "eventId").subList(0, ids.size())).isEqualTo(ids);

        Answer before = Api.get(audit(2, "/api/v1/audit/cases/" + caseId + "/state?asOf=" + beforeDecision), auditor);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.body().path("status").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(before.body().path("rag").asText()).isEqualTo("RED");
        Answer now = Api.get(audit(1, "/api/v1/audit/cases/" + caseId + "/state?asOf=" + Instant.now()), auditor);
        assertThat(now.body().path("status").asText()).isEqualTo("DECIDED");

        for (int k = 1; k <= REPLICAS; k++) {
            Answer integrity = Api.get(audit(k, "/api/v1/audit/integrity"), auditor);
            assertThat(integrity.status()).as(integrity.toString()).isEqualTo(200);
            assertThat(integrity.body().path("verified").asBoolean()).as("audit %d: %s", k, integrity).isTrue();
        }
    }

    // ---- 2. a burst through both replicas ----------------------------------------------------------

    @Test
    @Order(6)
    void aBurstThroughBothReplicas() throws Exception {
        listen();
        throughput.add(burst(REPLICAS + " replicas of each"));
    }

    // ---- 3. one replica of each killed under load --------------------------------------------------

    @Test
    @Order(7)
    void theSurvivorsCarryOnWhenOneReplicaOfEachIsKilledUnderLoad() throws Exception {
        listen();
        Instant started = Instant.now();
        int before = load.sent();
        System.out.printf("replicas: a load at %.1f reports/s; one replica of each service killed in turn, %d s apart%n",
                RATE, KILL_GAP_S);
        AtomicBoolean stop = new AtomicBoolean();
        Thread loader = load.sendAtRate(RATE, sent -> stop.get(), "replicas-test-load");
        try {
            sleep(Duration.ofSeconds(15));
            for (String name : SERVICES) {
                kill(name);
                sleep(KILL_GAP);
            }
        } finally {
            stop.set(true);
            loader.join(TimeUnit.MINUTES.toMillis(1));
        }
        System.out.printf("replicas: %,d reports sent in %d s; waiting for everything to settle%n", load.sent() - before,
                Duration.between(started, Instant.now()).toSeconds());

        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        Settling.until("replicas", watch, "reports answered", deadline, () -> load.unanswered() == 0);
        Settling.until("replicas", watch, "reports screened", deadline, () -> checks.unscreened().isEmpty());
        Settling.until("replicas", watch, "cases decided", deadline, () -> screener.inFlight() == 0 && undecided().isEmpty());
        Settling.until("replicas", watch, "decisions routed", deadline, () -> checks.unrouted().isEmpty());
        boolean audited = Settling.until("replicas", watch, "events audited", deadline, () -> audit.catchUp() && checks.unaudited(audit).isEmpty());

        // what screening and routing show through their APIs (the survivors; these reads are events too)
        Map<String, List<String>> casesOfReport = checks.screeningCasesOfReports(client, replicas.get("screening"),
                () -> screenerToken);
        Map<String, Map<String, Integer>> onQueues = Invariants.routingQueues(replicas.get("routing"), () -> manager);
        Settling.until("replicas", watch, "reads audited", audited ? Instant.now().plus(Duration.ofMinutes(2)) : Instant.now(),
                () -> audit.catchUp() && checks.unaudited(audit).isEmpty());
        Answer integrity = Invariants.get(replicas.get("audit").get() + "/api/v1/audit/integrity", auditor);
        Map<String, Integer> ready = new LinkedHashMap<>();
        Map<String, Boolean> killedGone = new LinkedHashMap<>();
        for (String name : SERVICES) {
            for (int k : replicas.get(name).live()) {
                ready.put(name + "-" + k, readyStatus(replicas.get(name).url(k)));
            }
        }
        for (Kill kill : kills) {
            killedGone.put(kill.name(), ProcessHandle.of(kill.pid()).map(h -> !h.isAlive()).orElse(true));
        }
        Map<Integer, Integer> segments = screeningSegmentOwners();
        watch.check();

        // the figures
        Set<String> accepted = load.accepted();
        Map<String, Screener.Decision> decided = screener.decided();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nReplicas: %d of each service; %,d reports accepted in all (journeys aside), %,d"
                        + " cases opened, %,d decided by the load's screener (%d retried), %,d referrals, audit log %,d"
                        + " entries, integrity %s, %d dead letters%n", REPLICAS, accepted.size(), checks.opened().size(),
                decided.size(), screener.retried(), checks.ofType("mash.referral.routed.v1").size(), audit.entries(),
                integrity.body() == null ? integrity : integrity.body().path("verified").asText(),
                watch.deadLetters().size()));
        out.append(String.format("  load %.1f reports/s; reports retried by their referrer (same key): %d; decisions sent again"
                        + " after 409 concurrent-change: %d; ready at the end: %s; machine's load average %s%n", RATE,
                load.retried(), screener.concurrentChanges(), ready, loadAverage()));
        out.append(String.format("  screening's processor segments owned at the end by replica(s) %s%n", segments));
        out.append(takeoverTable(started));
        System.out.println(out);
        Files.writeString(stack.logs().resolve("replicas-summary.txt"), out.toString());

        // the assertions
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(kills).as("replicas killed").hasSize(SERVICES.size());
        soft.assertThat(killedGone).as("the killed replicas are gone").allSatisfy((name, gone) ->
                assertThat(gone).as(name).isTrue());
        soft.assertThat(load.refused().stream().limit(10).toList()).as("reports refused or never accepted (%d in all)",
                load.refused().size()).isEmpty();
        soft.assertThat(accepted.size()).as("every report sent was accepted").isEqualTo(load.sent());
        soft.assertThat(Invariants.first(checks.unscreened())).as("accepted reports not in exactly one case on "
                + "mash.case-events (reportId -> cases; %d in all)", checks.unscreened().size()).isEmpty();
        Map<String, List<String>> notInOneCase = Invariants.notInOneCase(accepted, casesOfReport);
        soft.assertThat(Invariants.first(notInOneCase)).as("accepted reports not in exactly one case in screening's API "
                + "(reportId -> cases; %d in all)", notInOneCase.size()).isEmpty();
        soft.assertThat(Invariants.first(checks.linkedAfterDecision())).as("reports linked to a case after its decision "
                + "(reportId -> caseId)").isEmpty();
        soft.assertThat(screener.refused().stream().limit(10).toList()).as("decisions refused or never answered "
                + "(%d in all)", screener.refused().size()).isEmpty();
        soft.assertThat(undecided().stream().limit(10).toList()).as("cases opened but not decided (%d in all)",
                undecided().size()).isEmpty();
        soft.assertThat(Invariants.first(checks.notOneDecision(decided))).as("cases decided once whose decision "
                + "events differ (caseId -> decisionIds)").isEmpty();
        soft.assertThat(Invariants.first(checks.unrouted())).as("decisions not routed exactly once per route, nor only "
                + "there (decisionId -> queue: referrals; %d in all)", checks.unrouted().size()).isEmpty();
        soft.assertThat(Invariants.first(checks.queuesAgainstDecisions(onQueues))).as("routing's queues (API) against "
                + "the decisions (caseId queue -> referrals)").isEmpty();
        soft.assertThat(Invariants.first(checks.unaudited(audit))).as("events on the topics not in audit's log exactly "
                + "once (eventId -> times in the log; %d in all)", checks.unaudited(audit).size()).isEmpty();
        soft.assertThat(Invariants.first(audit.duplicated())).as("eventIds in audit's log more than once").isEmpty();
        soft.assertThat(integrity.body() == null ? null : integrity.body().path("verified").asBoolean())
                .as("audit integrity: " + integrity).isTrue();
        soft.assertThat(watch.deadLetters().stream().limit(20).toList()).as("records on mash.dead-letter (%d in all)",
                watch.deadLetters().size()).isEmpty();
        soft.assertThat(ready).as("the survivors ready").hasSize(SERVICES.size() * (REPLICAS - 1))
                .allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo(200));
        Kill screeningKill = kills.stream().filter(k -> k.service().equals("screening")).findFirst().orElse(null);
        if (screeningKill != null) {
            soft.assertThat(segments).as("screening's processor segments still held by the killed replica")
                    .doesNotContainKey(screeningKill.replica());
        }
        soft.assertAll();
    }

    // ---- 4. the same burst through the survivors alone ---------------------------------------------

    @Test
    @Order(8)
    void theSameBurstThroughTheSurvivorsAlone() throws Exception {
        listen();
        assertThat(kills).as("a replica of each killed before (order 7)").hasSize(SERVICES.size());
        throughput.add(burst("1 replica of each (the survivors)"));
        StringBuilder out = new StringBuilder(String.format("%nThroughput: a burst of %d reports, %d in flight, "
                + "reports a second from the first sent until the last was%n", BURST, BURST_IN_FLIGHT));
        out.append(String.format("  %-36s %10s %14s %15s   %s%n", "through", "accepted", "given a case", "in audit's log",
                "machine's load average after (1, 5, 15 min)"));
        for (Throughput t : throughput) {
            out.append(String.format("  %-36s %10.1f %14.1f %15.1f   %s%n", t.through(), t.accepted(), t.cased(), t.audited(),
                    t.loadAverage()));
        }
        System.out.println(out);
        Files.writeString(stack.logs().resolve("replicas-summary.txt"), out.toString(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    // ---- the kills and the takeover --------------------------------------------------------------

    /**
     * SIGKILLs one replica of the service, never to start again, and takes it out of the
     * balancer: replica 1, except for screening, whose replica running its event processors
     * (most of their segments, in the token store) is the one killed, so that their takeover is
     * what is measured rather than left to chance.
     */
    private void kill(String name) {
        int victim = 1;
        String why = "replica 1";
        if (name.equals("screening")) {
            Map<Integer, Integer> owners = screeningSegmentOwners();
            if (!owners.isEmpty()) {
                victim = owners.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                why = "it held " + owners.get(victim) + " of " + owners.values().stream().mapToInt(Integer::intValue).sum()
                        + " processor segments";
            }
        }
        Stack.Service service = stack.service(name, victim);
        long pid = service.pid();
        Instant at = Instant.now();
        service.kill();
        replicas.get(name).down(victim);
        kills.add(new Kill(name, victim, pid, at, why));
        System.out.printf("replicas: %s-%d (pid %d) SIGKILLed (%s); %,d reports sent so far%n", name, victim, pid, why,
                load.sent());
    }

    /**
     * Which screening replica holds how many of its event processors' segments, from Axon's token
     * store (its default table TokenEntry): an owner is "pid@host" (Axon's default node id) or
     * "screening-&lt;replica id&gt;", the id each replica logs ("Screening replica &lt;id&gt; sees ...").
     */
    private Map<Integer, Integer> screeningSegmentOwners() {
        Map<Integer, Integer> owned = new TreeMap<>();
        String url = stack.superUrl.substring(0, stack.superUrl.lastIndexOf('/') + 1) + "e2e_screening";
        try (Connection c = DriverManager.getConnection(url, stack.superuser, stack.superPassword);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT owner FROM TokenEntry WHERE owner IS NOT NULL")) {
            while (r.next()) {
                Integer k = screeningReplicaNamed(r.getString(1));
                if (k != null) {
                    owned.merge(k, 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            System.out.println("replicas: could not read screening's segment owners: " + e);
        }
        return owned;
    }

    private Integer screeningReplicaNamed(String owner) throws java.io.IOException {
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("(\\d+)@.*").matcher(owner);
        for (int k = 1; k <= REPLICAS; k++) {
            Stack.Service replica = stack.service("screening", k);
            if (pid.matches() ? replica.pid() == Long.parseLong(pid.group(1))
                    : Files.readString(replica.log()).contains("Screening replica " + owner.replaceFirst("^screening-", "") + " ")) {
                return k;
            }
        }
        System.out.println("replicas: no screening replica is " + owner);
        return null;
    }

    /**
     * Each kind of work, each piece with when its input was there and when its output was, from
     * the topics (each event's {@code ce_time} and when the watch read it) and audit's log:
     * intake's outbox relay (a report accepted, then on mash.reports), screening's consumer (the
     * report on mash.reports, then its case event recorded), screening's processors (a case event
     * recorded, then on mash.case-events), routing (a decision on mash.case-events, then its
     * referral on a queue topic), audit (an event on a topic, then appended to the log).
     */
    private Map<String, List<Wait>> work() {
        Map<String, TopicWatch.Event> reports = new HashMap<>();
        Map<String, TopicWatch.Event> decisions = new HashMap<>();
        for (TopicWatch.Event e : watch.events()) {
            if ("mash.reports".equals(e.topic()) && e.reportId() != null) {
                reports.put(e.reportId(), e);
            } else if ("mash.case.decision-recorded.v1".equals(e.type())) {
                decisions.put(e.decisionId(), e);
            }
        }
        Map<String, List<Wait>> work = new LinkedHashMap<>();
        for (String kind : List.of(INTAKE_RELAY, SCREENING_CONSUMER, SCREENING_PROCESSORS, ROUTING, AUDIT)) {
            work.put(kind, new ArrayList<>());
        }
        for (TopicWatch.Event e : watch.events()) {
            if ("mash.reports".equals(e.topic())) {
                add(work.get(INTAKE_RELAY), e.time(), e.seenAt());
            }
            if (Invariants.isCaseOf(e) && reports.containsKey(e.reportId())) {
                add(work.get(SCREENING_CONSUMER), reports.get(e.reportId()).seenAt(), e.time());
            }
            if ("mash.case-events".equals(e.topic())) {
                add(work.get(SCREENING_PROCESSORS), e.time(), e.seenAt());
            }
            if ("mash.referral.routed.v1".equals(e.type()) && decisions.containsKey(e.decisionId())) {
                add(work.get(ROUTING), decisions.get(e.decisionId()).seenAt(), e.seenAt());
            }
            add(work.get(AUDIT), e.seenAt(), audit.recordedAt(e.id()));
        }
        return work;
    }

    private static final String INTAKE_RELAY = "intake: report accepted -> on mash.reports";
    private static final String SCREENING_CONSUMER = "screening: report -> its case event recorded";
    private static final String SCREENING_PROCESSORS = "screening: case event -> on mash.case-events";
    private static final String ROUTING = "routing: decision -> referral on its queue";
    private static final String AUDIT = "audit: event -> appended to the log";

    private static void add(List<Wait> kind, Instant in, Instant out) {
        if (in != null && out != null) {
            kind.add(new Wait(in, out));
        }
    }

    /**
     * For each kind of work, the longest wait before any kill (and the median), and after each
     * kill the longest wait of the work that arrived from {@link #BEFORE_KILL} before it to
     * {@link #AFTER_KILL} after it, counted from the kill or its arrival, whichever was later:
     * how long the survivor took to take that work over (plus the work's own time).
     */
    private String takeoverTable(Instant loadStarted) {
        Map<String, List<Wait>> work = work();
        StringBuilder out = new StringBuilder();
        for (Kill k : kills) {
            out.append(String.format("  %s (pid %d) SIGKILLed at +%.1f s of the load: %s%n", k.name(), k.pid(),
                    Duration.between(loadStarted, k.at()).toMillis() / 1000.0, k.why()));
        }
        out.append("  Takeover: the longest wait (s) of each kind of work met by each kill, from the kill (or the work's\n"
                + "  arrival, if later), for work arriving 2 s before to 10 s after it; before: longest (median) wait\n"
                + "  under the load before any kill; [n] pieces of work in the window\n");
        out.append(String.format("  %-46s %13s", "work", "before"));
        for (Kill k : kills) {
            out.append(String.format(" %16s", "after " + k.name()));
        }
        out.append('\n');
        Instant firstKill = kills.isEmpty() ? Instant.now() : kills.get(0).at();
        for (Map.Entry<String, List<Wait>> kind : work.entrySet()) {
            List<Long> steady = kind.getValue().stream()
                    .filter(w -> w.in().isAfter(loadStarted.plusSeconds(5)) && w.in().isBefore(firstKill.minus(BEFORE_KILL)))
                    .map(w -> Duration.between(w.in(), w.out()).toMillis()).sorted().toList();
            out.append(String.format("  %-46s %13s", kind.getKey(), steady.isEmpty() ? "-" : String.format("%.1f (%.1f)",
                    steady.get(steady.size() - 1) / 1000.0, steady.get(steady.size() / 2) / 1000.0)));
            for (Kill k : kills) {
                List<Long> met = kind.getValue().stream()
                        .filter(w -> !w.in().isBefore(k.at().minus(BEFORE_KILL)) && w.in().isBefore(k.at().plus(AFTER_KILL)))
                        .map(w -> Duration.between(w.in().isAfter(k.at()) ? w.in() : k.at(), w.out()).toMillis())
                        .sorted().toList();
                out.append(String.format(" %16s", met.isEmpty() ? "-" : String.format("%.1f [%d]",
                        met.get(met.size() - 1) / 1000.0, met.size())));
            }
            out.append('\n');
        }
        return out.toString();
    }

    // ---- the bursts ------------------------------------------------------------------------------

    /**
     * {@link #BURST} reports from the load, {@link #BURST_IN_FLIGHT} at a time, through the live
     * replicas; reports a second from the first sent until the last was accepted, until the last
     * was given a case (its case event on mash.case-events), and until the last of their reports'
     * and case events was in audit's log.
     */
    private Throughput burst(String through) throws Exception {
        Semaphore window = new Semaphore(BURST_IN_FLIGHT);
        List<CompletableFuture<String>> sent = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < BURST; i++) {
            window.acquire();
            CompletableFuture<String> report = load.next();
            report.whenComplete((id, e) -> window.release());
            sent.add(report);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        Instant accepted = Instant.now();
        Set<String> ids = sent.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        assertThat(ids).as("reports of the burst accepted (refused: %s)", load.refused()).hasSize(BURST);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        assertThat(Settling.until("replicas", watch, "the burst's reports given a case", deadline, () -> checks.unscreened(ids).isEmpty()))
                .as("every report of the burst in one case: %s", Invariants.first(checks.unscreened(ids))).isTrue();
        List<TopicWatch.Event> events = watch.events().stream().filter(e -> ids.contains(e.reportId())
                && ("mash.reports".equals(e.topic()) || Invariants.isCaseOf(e))).toList();
        Instant cased = events.stream().filter(Invariants::isCaseOf).map(TopicWatch.Event::seenAt)
                .max(Instant::compareTo).orElseThrow();
        assertThat(Settling.until("replicas", watch, "the burst's reports in audit's log", deadline, () -> audit.catchUp()
                && events.stream().allMatch(e -> audit.recordedAt(e.id()) != null))).as("the burst in audit's log").isTrue();
        Instant audited = events.stream().map(e -> audit.recordedAt(e.id())).max(Instant::compareTo).orElseThrow();
        Throughput t = new Throughput(through, BURST, perSecond(start, accepted), perSecond(start, cased),
                perSecond(start, audited), loadAverage());
        System.out.printf("replicas: burst through %s: %.1f reports/s accepted, %.1f given a case, %.1f in audit's log%n",
                through, t.accepted(), t.cased(), t.audited());
        return t;
    }

    /** The machine's load average (other builds share its two cores: the figures mean little without it). */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception unknown) {
            return "?";
        }
    }

    private static double perSecond(Instant from, Instant to) {
        return BURST * 1000.0 / Math.max(1, Duration.between(from, to).toMillis());
    }

    // ---- small things ------------------------------------------------------------------------------

    /** The load's screener starts deciding the cases it sees opened (the journeys' cases are theirs). */
    private void listen() {
        if (screenerListening.compareAndSet(false, true)) {
            watch.onEvent(screener::onEvent);
        }
    }

    private Set<String> undecided() {
        Set<String> undecided = new HashSet<>(checks.opened());
        undecided.removeAll(screener.decided().keySet());
        undecided.removeAll(decidedByJourneys);
        return undecided;
    }

    private int readyStatus(String baseUrl) {
        return Invariants.get(baseUrl + "/q/health/ready", auditor).status();
    }

    /** Waits until exactly one case about the family awaits a decision (listed by screening replica k); its id. */
    private String awaitOneCase(int k, String familyName) {
        AtomicReference<String> found = new AtomicReference<>();
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> open = casesAbout(k, familyName).stream()
                    .filter(c -> "AWAITING_DECISION".equals(c.path("status").asText())).toList();
            assertThat(open).hasSize(1);
            found.set(open.get(0).path("caseId").asText());
        });
        return found.get();
    }

    private List<JsonNode> casesAbout(int k, String familyName) {
        Answer list = Api.get(screening(k, "/api/v1/cases?size=200"), screenerToken);
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

    private Answer screeningCase(int k, String id) {
        Answer view = Api.get(screening(k, "/api/v1/cases/" + id), screenerToken);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        return view;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String intake(int k, String path) {
        return replicas.get("intake").url(k) + path;
    }

    private String screening(int k, String path) {
        return replicas.get("screening").url(k) + path;
    }

    private String routing(int k, String path) {
        return replicas.get("routing").url(k) + path;
    }

    private String audit(int k, String path) {
        return replicas.get("audit").url(k) + path;
    }
}
