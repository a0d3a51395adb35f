package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TestTokens;

/**
 * Issue 11, point 7: a load of reports from referrers that retry (same {@code Idempotency-Key})
 * and a screener deciding cases as they appear, while each part of the stack is SIGKILLed and
 * started again in turn (intake, screening, routing, audit, the Kafka broker, PostgreSQL), then
 * PostgreSQL and Kafka are each away for 30 s. Afterwards nothing accepted is lost or doubled:
 * every report in exactly one case, every decision routed exactly once per route, every event in
 * the audit log exactly once and the chain verified, nothing good dead-lettered, every service
 * ready. It prints what it sent and how long each part took to come back.
 *
 * <p>{@code -Dmash.faults.reports=N} (or {@code MASH_FAULTS_REPORTS}) asks for at least N reports
 * (default 1,000); {@code -Dmash.faults.rate=R} (or {@code MASH_FAULTS_RATE}) sets reports per
 * second (default N / 300 s, at least 3 and at most 10: faster floods two shared cores). The load
 * goes on until every fault is over and at least N reports were sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    private static final int REPORTS = setting("mash.faults.reports", "MASH_FAULTS_REPORTS", 1000);
    private static final double RATE = Double.parseDouble(System.getProperty("mash.faults.rate",
            firstNonBlank(System.getenv("MASH_FAULTS_RATE"), Double.toString(Math.min(10.0, Math.max(3.0, REPORTS / 300.0))))));
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofSeconds(240);
    private static final Duration STEADY = Duration.ofSeconds(10);
    private static final List<String> SERVICES = List.of("intake", "screening", "routing", "audit");

    /** One fault and how long the stack took to come back from it (null: not within {@link #RECOVERY}). */
    record Fault(String component, String what, long downMs, Long backMs, Long allReadyMs, Long flowingMs,
                 String problem, int starts) {
    }

    /** The Kafka clients of this JVM reconnect loudly through every broker kill: warnings are enough. */
    private static final java.util.logging.Logger KAFKA_CLIENTS = java.util.logging.Logger.getLogger("org.apache.kafka");

    private Stack stack;
    private TopicWatch watch;
    private RetryingClient client;
    private ReportLoad load;
    private Screener screener;
    private Invariants checks;
    private Supplier<String> auditor;
    private Supplier<String> manager;
    private Supplier<String> screenerToken;
    private final List<Fault> faults = new ArrayList<>();
    /** Decided reports whose referrer's view at intake was read. */
    private int feedbackRead;

    @BeforeAll
    void startStack() throws Exception {
        KAFKA_CLIENTS.setLevel(java.util.logging.Level.WARNING);
        stack = Stack.start();
        watch = new TopicWatch(stack.kafkaBootstrap);
        client = new RetryingClient();
        auditor = fresh("auditor", "OTHER", "auditor.faults");
        manager = fresh("manager", "CHILDRENS_SERVICES", "manager.faults");
        screenerToken = fresh("screener", "CHILDRENS_SERVICES", "screener.faults");
        load = new ReportLoad(client, stack.url("intake", ""), fresh("referrer", "EDUCATION", "dsl.faults"),
                fresh("referrer", "HEALTH", "gp.faults"));
        screener = new Screener(client, stack.url("screening", ""), screenerToken);
        watch.onEvent(screener::onEvent);
        checks = new Invariants(watch, load);
    }

    @AfterAll
    void stopStack() throws Exception {
        Closing.all(watch, client, stack);
    }

    @Test
    void nothingAcceptedIsLostOrDoubledThroughKillsAndOutages() throws Exception {
        Instant started = Instant.now();
        System.out.printf("faults: at least %,d reports at %.1f/s while each part of the stack is killed in turn%n",
                REPORTS, RATE);

        // the load: an open loop at RATE, each report retried on its own until accepted
        AtomicBoolean stopLoad = new AtomicBoolean();
        AtomicBoolean abort = new AtomicBoolean();
        Thread loader = load.sendAtRate(RATE, sent -> abort.get() || (stopLoad.get() && sent >= REPORTS),
                "fault-test-load");
        try {
            schedule();
        } catch (Exception | Error e) {
            abort.set(true);
            throw e;
        }
        stopLoad.set(true);
        loader.join(TimeUnit.MINUTES.toMillis(30));
        Instant loadEnded = Instant.now();
        System.out.printf("faults: schedule done, %,d reports sent in %d s; waiting for everything to settle%n",
                load.sent(), Duration.between(started, loadEnded).toSeconds());
        settleAndCheck(started);
    }

    /** The faults, one after another, each once the stack has come back from the one before. */
    private void schedule() throws Exception {
        sleep(Duration.ofSeconds(20));
        for (String name : SERVICES) {
            Stack.Service service = stack.service(name);
            fault(name, "SIGKILL, started again at once", () -> service.kill(), () -> service.launch(),
                    () -> service.awaitSupervised(RECOVERY), Duration.ZERO);
        }
        KafkaBroker broker = stack.broker();
        fault("kafka", "SIGKILL, started again at once", broker::kill, broker::launch,
                () -> {
                    broker.awaitReady(RECOVERY);
                    return 1;
                }, Duration.ZERO);
        fault("postgresql", "SIGKILL (postmaster and backends), started again at once", TestInfrastructure::killDatabase,
                TestInfrastructure::startDatabase, () -> 1, Duration.ZERO);
        // every producer writes through its database (outboxes, Axon's store), so while PostgreSQL is
        // away nothing new reaches the consumers: for each to meet the outage with records in hand,
        // routing and audit are held still (SIGSTOP) for 3 s and screening for 1.5 s before it goes,
        // while reports and decisions go on, and let go (SIGCONT) once it has gone
        fault("postgresql", "SIGKILL, away 30 s, consumers holding records", this::killDatabaseWithRecordsWaiting,
                TestInfrastructure::startDatabase, () -> 1, OUTAGE);
        fault("kafka", "stopped (SIGTERM), away 30 s, started again", broker::stop, broker::launch,
                () -> {
                    broker.awaitReady(RECOVERY);
                    return 1;
                }, OUTAGE);
    }

    private void settleAndCheck(Instant started) throws Exception {
        // let everything settle: every report answered, screened, decided, routed and audited
        Duration drain = Duration.ofSeconds(Math.max(300, REPORTS * 40L / 1000));
        Instant deadline = Instant.now().plus(drain);
        AuditCopy audit = new AuditCopy(stack.url("audit", ""), auditor);
        Settling.until("faults", watch, "reports answered", deadline, () -> load.unanswered() == 0);
        Settling.until("faults", watch, "reports screened", deadline, () -> unscreened().isEmpty());
        Settling.until("faults", watch, "cases decided", deadline, () -> screener.inFlight() == 0);
        Settling.until("faults", watch, "decisions routed", deadline, () -> unrouted().isEmpty());
        boolean audited = Settling.until("faults", watch, "events audited", deadline,
                () -> audit.catchUp() && unaudited(audit).isEmpty());

        // what screening and routing show through their APIs (these reads are events too)
        Map<String, List<String>> casesOfReport = checks.screeningCasesOfReports(client,
                () -> stack.url("screening", ""), screenerToken);
        Api.Answer list = Invariants.get(stack.url("screening", "/api/v1/cases?size=1"), screenerToken.get());
        long screeningTotal = list.body() == null ? -1 : list.body().path("total").asLong(-1);
        Map<String, Map<String, Integer>> onQueues = Invariants.routingQueues(() -> stack.url("routing", ""), manager);
        Map<String, String> feedback = referrerFeedback(Instant.now().plus(Duration.ofMinutes(3)));
        // (when audit did not settle above, one more look is enough to say what it lacks)
        Settling.until("faults", watch, "reads audited", audited ? Instant.now().plus(Duration.ofMinutes(3)) : Instant.now(),
                () -> audit.catchUp() && unaudited(audit).isEmpty());
        Api.Answer integrity = Invariants.get(stack.url("audit", "/api/v1/audit/integrity"), auditor.get());
        Map<String, Integer> ready = new LinkedHashMap<>();
        for (String name : SERVICES) {
            ready.put(name, readyStatus(name));
        }
        watch.check();

        // the figures
        Set<String> accepted = load.accepted();
        Map<String, Screener.Decision> decided = screener.decided();
        List<TopicWatch.Event> decisions = ofType("mash.case.decision-recorded.v1");
        Map<String, Long> referrals = new TreeMap<>();
        for (TopicWatch.Event e : ofType("mash.referral.routed.v1")) {
            referrals.merge(e.topic().replace("mash.queue.", ""), 1L, Long::sum);
        }
        Map<String, Long> outcomes = decided.values().stream()
                .collect(Collectors.groupingBy(Screener.Decision::outcome, TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nFault injection: %,d reports asked at %.1f/s, %d s in all%n", REPORTS, RATE,
                Duration.between(started, Instant.now()).toSeconds()));
        out.append(String.format("  reports sent        %,d (of them %d probes following the pipeline after each fault)%n",
                load.sent(), load.probes().size()));
        out.append(String.format("  accepted            %,d (%d answered 200 to a retry: stored by an attempt whose answer was lost)%n",
                accepted.size(), load.repeatedAnswers()));
        out.append(String.format("  retried             %,d reports sent more than once (%,d extra attempts, same key and body)%n",
                load.retried(), load.extraAttempts()));
        out.append(String.format("  refused/unanswered  %d / %d%n", load.refused().size(), load.unanswered()));
        out.append(String.format("  cases               %,d opened (screening lists %d), %,d reports linked to a case%n",
                opened().size(), screeningTotal, ofType("mash.case.report-linked.v1").size()));
        out.append(String.format("  decisions           %,d recorded by the screener (%d retried, %d confirmed after a lost answer,"
                        + " %d refused); %,d decision events%n", decided.size(), screener.retried(),
                decided.values().stream().filter(Screener.Decision::confirmed).count(), screener.refused().size(),
                decisions.size()));
        if (screener.viewBehind() > 0) {
            out.append(String.format("  case view behind    %,d reads confirming a decision found screening's case view without it"
                    + " (or without the case) and read again 2 s later%n", screener.viewBehind()));
        }
        out.append(String.format("  outcomes            %s%n", outcomes));
        out.append(String.format("  referrers' view     %,d of %,d decided reports read DECIDED with their case's outcome at intake%n",
                feedbackRead - feedback.size(), feedbackRead));
        out.append(String.format("  referrals           %s on the queue topics%n", referrals));
        out.append(String.format("  audit log           %,d entries; integrity %s%n", audit.entries(),
                integrity.body() == null ? integrity : integrity.body().path("verified").asText()));
        out.append(String.format("  dead letters        %d%n", watch.deadLetters().size()));
        out.append(String.format("  ready at the end    %s%n", ready));
        out.append(String.format("  %-11s %-57s %8s %8s %10s %9s%n", "component", "fault", "down", "back",
                "all ready", "flowing"));
        for (Fault f : faults) {
            out.append(String.format("  %-11s %-57s %8s %8s %10s %9s%s%s%n", f.component(), f.what(),
                    seconds(f.downMs()), seconds(f.backMs()), seconds(f.allReadyMs()), seconds(f.flowingMs()),
                    f.starts() > 1 ? "  (" + f.starts() + " starts: the first failed, see its log)" : "",
                    f.problem() == null ? "" : "  " + f.problem()));
        }
        out.append("  (back: the component itself answering again; all ready: every service's /q/health/ready 200;\n"
                + "   flowing: a new report through intake, screening, a decision, routing and into audit's log;\n"
                + "   each from the moment it was started again)\n");
        System.out.println(out);
        Files.writeString(stack.logs().resolve("faults-summary.txt"), out.toString());

        // the assertions
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(load.sent()).as("reports sent").isGreaterThanOrEqualTo(REPORTS);
        soft.assertThat(load.refused().stream().limit(10).toList()).as("reports refused or never accepted (%d in all)",
                load.refused().size()).isEmpty();
        soft.assertThat(accepted.size()).as("every report sent was accepted").isEqualTo(load.sent());
        soft.assertThat(Invariants.first(unscreened())).as("accepted reports not in exactly one case on mash.case-events "
                + "(reportId -> cases; %d in all)", unscreened().size()).isEmpty();
        Map<String, List<String>> notInOneCase = Invariants.notInOneCase(accepted, casesOfReport);
        soft.assertThat(Invariants.first(notInOneCase)).as("accepted reports not in exactly one case in screening's API "
                + "(reportId -> cases; %d in all)", notInOneCase.size()).isEmpty();
        soft.assertThat(casesOfReport.keySet().stream().filter(r -> !accepted.contains(r)).toList())
                .as("reports in screening's cases that no referrer saw accepted").isEmpty();
        soft.assertThat(screeningTotal).as("cases screening lists").isEqualTo(opened().size());
        soft.assertThat(Invariants.first(feedback)).as("reports whose referrer does not see DECIDED with its case's outcome "
                + "(GET /api/v1/reports/{id} at intake: reportId -> what it says; %d in all)", feedback.size()).isEmpty();

        soft.assertThat(Invariants.first(linkedAfterDecision())).as("reports linked to a case after its decision on "
                + "mash.case-events (a decided case is not open: the new report is never decided; reportId -> caseId; "
                + "%d in all)", linkedAfterDecision().size()).isEmpty();
        soft.assertThat(screener.refused().stream().limit(10).toList()).as("decisions refused or never answered "
                + "(%d in all)", screener.refused().size()).isEmpty();
        Set<String> undecided = new HashSet<>(opened());
        undecided.removeAll(decided.keySet());
        soft.assertThat(undecided.stream().limit(10).toList()).as("cases opened but not decided (%d in all)",
                undecided.size()).isEmpty();
        Map<String, List<String>> notOneDecision = checks.notOneDecision(decided);
        soft.assertThat(Invariants.first(notOneDecision)).as("cases decided once whose decision events differ "
                + "(caseId -> decisionIds; %d in all)", notOneDecision.size()).isEmpty();
        soft.assertThat(decisions.size()).as("decision events, against decisions the screener recorded")
                .isEqualTo(decided.size());

        soft.assertThat(Invariants.first(unrouted())).as("decisions not routed exactly once per route, nor only there "
                + "(decisionId -> queue: referrals; %d in all)", unrouted().size()).isEmpty();
        soft.assertThat(ofType("mash.referral.withdrawn.v1").size()).as("referrals withdrawn").isZero();
        Map<String, String> apiMismatch = checks.queuesAgainstDecisions(onQueues);
        soft.assertThat(Invariants.first(apiMismatch)).as("routing's queues (API) against the decisions (%d in all)",
                apiMismatch.size()).isEmpty();

        soft.assertThat(Invariants.first(unaudited(audit))).as("events on the topics not in audit's log exactly once "
                + "(eventId -> times in the log; %d in all)", unaudited(audit).size()).isEmpty();
        soft.assertThat(Invariants.first(audit.duplicated())).as("eventIds in audit's log more than once").isEmpty();
        soft.assertThat(integrity.status()).as(integrity.toString()).isEqualTo(200);
        soft.assertThat(integrity.body() == null ? null : integrity.body().path("verified").asBoolean())
                .as("audit integrity: " + integrity).isTrue();

        soft.assertThat(watch.deadLetters().stream().limit(20).toList()).as("records on mash.dead-letter (every "
                + "record was good; %d in all)", watch.deadLetters().size()).isEmpty();
        soft.assertThat(ready).as("every service ready at the end").allSatisfy((name, status) ->
                org.assertj.core.api.Assertions.assertThat(status).as(name).isEqualTo(200));
        for (Fault f : faults) {
            soft.assertThat(f.problem()).as("%s came back from: %s", f.component(), f.what()).isNull();
        }
        soft.assertAll();
    }

    // ---- the faults ------------------------------------------------------------------------------

    private interface Step {
        void run() throws Exception;
    }

    /** Waits for the component started again; returns how many starts it took. */
    private interface Back {
        Object await() throws Exception;
    }

    /**
     * Takes the component down ({@code down}), leaves it away for {@code away}, starts it again
     * ({@code up}, then {@code back} until it answers), and measures from that start until the
     * component answers, every service is ready and a new report flows all the way into audit.
     */
    private void fault(String component, String what, Step down, Step up, Back back, Duration away) throws Exception {
        System.out.printf("faults: %s: %s (%,d reports sent so far)%n", component, what, load.sent());
        Instant downAt = Instant.now();
        down.run();
        sleep(away);
        Instant upAt = Instant.now();
        long downMs = Duration.between(downAt, upAt).toMillis();
        Long backMs = null;
        Long allReadyMs = null;
        Long flowingMs = null;
        String problem = null;
        int starts = 1;
        try {
            up.run();
            if (back.await() instanceof Integer n) {
                starts = n;
            }
            backMs = since(upAt);
            allReady(upAt.plus(RECOVERY));
            allReadyMs = since(upAt);
            flowing(upAt.plus(RECOVERY));
            flowingMs = since(upAt);
        } catch (Exception | AssertionError e) {
            problem = "did not come back: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            System.out.printf("faults: %s: %s%n", component, problem);
        }
        faults.add(new Fault(component, what, downMs, backMs, allReadyMs, flowingMs, problem, starts));
        System.out.printf("faults: %s: back %s%s, all ready %s, flowing %s (from its start)%n", component,
                seconds(backMs), starts > 1 ? " (" + starts + " starts)" : "", seconds(allReadyMs), seconds(flowingMs));
        sleep(STEADY);
    }

    private void killDatabaseWithRecordsWaiting() throws Exception {
        List<Stack.Service> held = new ArrayList<>();
        try {
            for (String name : List.of("routing", "audit")) {
                stack.service(name).pause();
                held.add(stack.service(name));
            }
            Thread.sleep(1500);
            stack.service("screening").pause();
            held.add(stack.service("screening"));
            Thread.sleep(1500);
            // held about 3 s, and 1.5 s, before and the 2 s the kill takes: within their 6 s Kafka session
            TestInfrastructure.killDatabase();
        } finally {
            for (Stack.Service s : held) {
                s.resume();
            }
        }
    }

    private void allReady(Instant deadline) throws Exception {
        while (true) {
            boolean all = true;
            for (String name : SERVICES) {
                all &= readyStatus(name) == 200;
            }
            if (all) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Map<String, Integer> status = new LinkedHashMap<>();
                for (String name : SERVICES) {
                    status.put(name, readyStatus(name));
                }
                throw new IllegalStateException("services not all ready: " + status);
            }
            Thread.sleep(250);
        }
    }

    /** A new report goes through: accepted, its case opened, decided, routed, and all of it in audit's log. */
    private void flowing(Instant deadline) throws Exception {
        CompletableFuture<String> probe = load.probe();
        String reportId;
        try {
            reportId = probe.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the probe report was not accepted in time");
        }
        if (reportId == null) {
            throw new IllegalStateException("the probe report was refused: " + load.refused());
        }
        String caseId = null;
        Set<String> routed = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            if (caseId == null) {
                caseId = watch.events().stream().filter(e -> reportId.equals(e.reportId()) && Invariants.isCaseOf(e))
                        .map(TopicWatch.Event::caseId).findFirst().orElse(null);
            }
            if (caseId != null) {
                String c = caseId;
                routed = watch.events().stream().filter(e -> "mash.referral.routed.v1".equals(e.type())
                        && c.equals(e.caseId())).map(TopicWatch.Event::id).collect(Collectors.toSet());
                if (routed.size() >= 2) { // children and police
                    Api.Answer events;
                    try {
                        events = Api.get(stack.url("audit", "/api/v1/audit/cases/" + caseId + "/events"), auditor.get());
                    } catch (RuntimeException auditAway) {
                        events = null;
                    }
                    if (events != null && events.status() == 200) {
                        Set<String> logged = new HashSet<>();
                        events.body().forEach(e -> logged.add(e.path("eventId").asText()));
                        if (logged.containsAll(routed)) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(caseId == null ? 200 : 500);
        }
        throw new IllegalStateException("the probe report " + (caseId == null ? "opened no case"
                : "'s case " + caseId + " has " + routed.size() + " referral(s), not both in audit's log"));
    }

    private int readyStatus(String name) {
        try {
            return Api.get(stack.url(name, "/q/health/ready"), auditor.get()).status();
        } catch (RuntimeException down) {
            return 0;
        }
    }

    // ---- what the topics show ----------------------------------------------------------------------

    private List<TopicWatch.Event> ofType(String type) {
        return checks.ofType(type);
    }

    private Set<String> opened() {
        return checks.opened();
    }

    private Map<String, List<String>> unscreened() {
        return checks.unscreened();
    }

    private Map<String, String> linkedAfterDecision() {
        return checks.linkedAfterDecision();
    }

    private Map<String, String> unrouted() {
        return checks.unrouted();
    }

    private Map<String, Integer> unaudited(AuditCopy audit) {
        return checks.unaudited(audit);
    }

    // ---- what the APIs show ------------------------------------------------------------------------

    /**
     * What each referrer reads about its reports at intake ({@code GET /api/v1/reports/{id}}), fed
     * by intake's own consumer of mash.case-events: every decided report should say DECIDED with its
     * case's outcome. Asked again for those that do not yet, until the deadline; returns those that
     * still do not: reportId -> what intake says.
     */
    private Map<String, String> referrerFeedback(Instant deadline) throws Exception {
        Map<String, String> caseOfReport = new HashMap<>();
        watch.events().stream().filter(Invariants::isCaseOf).forEach(e -> caseOfReport.put(e.reportId(), e.caseId()));
        Map<String, Screener.Decision> decided = screener.decided();
        Map<String, String> expected = new HashMap<>();
        for (String reportId : load.accepted()) {
            Screener.Decision d = decided.get(caseOfReport.get(reportId));
            if (d != null) { // a report without a case or decision is reported by the assertions above
                expected.put(reportId, d.outcome());
            }
        }
        feedbackRead = expected.size();
        Map<String, String> wrong = new TreeMap<>();
        Set<String> pending = new HashSet<>(expected.keySet());
        Instant start = Instant.now();
        while (true) {
            List<String> ids = new ArrayList<>(pending);
            for (int from = 0; from < ids.size(); from += 16) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + 16));
                List<CompletableFuture<RetryingClient.Outcome>> reads = new ArrayList<>();
                for (String reportId : batch) {
                    String token = load.tokenOfSender(reportId);
                    reads.add(client.send(() -> HttpRequest.newBuilder(URI.create(stack.url("intake",
                                    "/api/v1/reports/" + reportId))).header("Accept", "application/json")
                            .header("Authorization", "Bearer " + token).GET(), Instant.now().plus(Duration.ofMinutes(1))));
                }
                for (int i = 0; i < batch.size(); i++) {
                    RetryingClient.Outcome read = reads.get(i).get(2, TimeUnit.MINUTES);
                    String reportId = batch.get(i);
                    JsonNode body = read.status() == 200 ? Api.JSON.readTree(read.body()) : null;
                    if (body != null && "DECIDED".equals(body.path("status").asText())
                            && expected.get(reportId).equals(body.path("outcome").asText())) {
                        pending.remove(reportId);
                        wrong.remove(reportId);
                    } else {
                        wrong.put(reportId, body == null ? read.toString()
                                : body.path("status").asText() + " " + body.path("outcome").asText("")
                                + " (expected DECIDED " + expected.get(reportId) + ")");
                    }
                }
            }
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                System.out.printf("faults: referrers' view of %,d decided reports read at intake in %.1f s%n",
                        expected.size(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
                return wrong;
            }
            Thread.sleep(2000);
        }
    }

    // ---- small things ------------------------------------------------------------------------------

    /** A token for the role, made again when it is over half an hour old (tokens last an hour). */
    private static Supplier<String> fresh(String role, String agency, String sub) {
        String[] token = {null};
        Instant[] made = {null};
        return () -> {
            synchronized (token) {
                if (made[0] == null || Duration.between(made[0], Instant.now()).toMinutes() >= 30) {
                    token[0] = TestTokens.token(role, agency, sub);
                    made[0] = Instant.now();
                }
                return token[0];
            }
        };
    }

    private static long since(Instant t) {
        return Duration.between(t, Instant.now()).toMillis();
    }

    private static String seconds(Long ms) {
        return ms == null ? "-" : String.format("%.1f s", ms / 1000.0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int setting(String property, String env, int fallback) {
        String value = firstNonBlank(System.getProperty(property), System.getenv(env));
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
