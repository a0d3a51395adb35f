package uk.mash.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.mash.platform.Console;
import uk.mash.platform.Identity;
import uk.mash.platform.LocalStack;
import uk.mash.platform.MashHome;
import uk.mash.platform.Pem;
import uk.mash.platform.ServiceCatalog;
import uk.mash.platform.Tokens;

/**
 * {@code ./mash bench}: how fast the running stack is, and how far from this machine's raw Kafka
 * and PostgreSQL, measured in one run (issue 7). Phases, each its own class returning a record: the
 * raw baselines, a warm-up, the pipeline at a rate or as fast as allowed, latency at a fixed rate,
 * replay and integrity on a generated log, memory and start-up of the services. Writes
 * {@code .mash/bench/latest.json} ({@link BenchResult}) and {@code latest.png} (a copy of each per
 * run beside them) and prints a summary. A benchmark, not a test: it asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"How fast the running stack is: raw Kafka and JDBC baselines, an unmeasured warm-up,"
                + " pipeline throughput, latency, audit's replay and integrity on a generated log (database"
                + " audit_bench, kept for the next run) run by a second audit-service, peak memory and start-up of"
                + " each service; the results in the bench folder of ./mash's home (latest.json, latest.png) and a"
                + " summary printed.",
            "As ./mash bench it starts the stack if needed, rebuilds and restarts it when the sources changed,"
                + " restarts each service on its own to time its start-up, and takes the stack's addresses. On its"
                + " own, give --key, the services' URLs, --kafka, --db and --home."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "FILE", description = "the private key (PEM) the services' tokens are signed with")
    Path key;
    @Option(names = "--intake", paramLabel = "URL", description = "intake-service, where the reports go")
    String intake;
    @Option(names = "--screening", paramLabel = "URL", description = "screening-service, where the decisions go")
    String screening;
    @Option(names = "--routing", paramLabel = "URL", hidden = true, description = "accepted for older callers; not used")
    String routing;
    @Option(names = "--audit", paramLabel = "URL", description = "audit-service, whose chain is verified after the pipeline")
    String audit;
    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "the stack's broker")
    String kafka;
    @Option(names = "--db", paramLabel = "JDBC-URL", description = "a PostgreSQL superuser URL (MASH_DB_USER, MASH_DB_PASSWORD)")
    String db;
    @Option(names = "--home", paramLabel = "DIR", description = "./mash's state: run/NAME.pid, logs/, and bench/ for the results")
    Path home;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60", description = "the pipeline's seconds (${DEFAULT-VALUE})")
    int duration;
    @ArgGroup(exclusive = true)
    PipelineRate pipelineRate;
    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "32", description = "requests outstanding at most (${DEFAULT-VALUE})")
    int inFlight;
    @Option(names = "--warmup", paramLabel = "S", defaultValue = "60", description = "an unmeasured load first (${DEFAULT-VALUE}; 0: none)")
    int warmup;
    @Option(names = "--latency-rate", paramLabel = "R", defaultValue = "100", description = "reports, then decisions, a second (${DEFAULT-VALUE})")
    double latencyRate;
    @Option(names = "--latency-duration", paramLabel = "S", defaultValue = "20", description = "the latency phase's seconds (${DEFAULT-VALUE})")
    int latencyDuration;
    @Option(names = "--baseline-duration", paramLabel = "S", defaultValue = "10", description = "each raw baseline (${DEFAULT-VALUE})")
    int baselineDuration;
    @Option(names = "--drain-timeout", paramLabel = "S", defaultValue = "180", description = "waiting for the pipeline to catch up (${DEFAULT-VALUE})")
    int drainTimeout;
    @Option(names = "--audit-db", paramLabel = "NAME", defaultValue = "audit", description = "audit's database, whose log's head is polled (${DEFAULT-VALUE})")
    String auditDb;

    @Option(names = "--log-entries", paramLabel = "N", defaultValue = "1000000",
            description = "the generated log's size for replay and integrity (${DEFAULT-VALUE}; 0: skip them)")
    long logEntries;
    @Option(names = "--history-entries", paramLabel = "N", defaultValue = "5000000",
            description = "the ten-year log's size for the report card, case history and export (${DEFAULT-VALUE}; 0: skip them)")
    long historyEntries;
    @Option(names = "--regenerate-log", description = "make the generated log again, even if an earlier run's fits")
    boolean regenerateLog;
    @Option(names = "--audit-jar", paramLabel = "FILE", description = "audit-service's quarkus-run.jar, run a second time on the generated log")
    Path auditJar;
    @Option(names = "--secrets", paramLabel = "DIR", description = "./mash's database passwords")
    Path secrets;
    @Option(names = "--public-key", paramLabel = "FILE", description = "the key that instance verifies tokens with")
    Path publicKey;
    @Option(names = "--log-port", paramLabel = "PORT",
            description = "that instance's port (" + ServiceCatalog.AUDIT_BENCH_PORT_VARIABLE + ", else "
                    + ServiceCatalog.DEFAULT_AUDIT_BENCH_PORT + ")")
    Integer logPort;

    /** --rate R or --max (the default): never both. */
    static final class PipelineRate {
        @Option(names = "--rate", paramLabel = "R", required = true, description = "a fixed rate, reports a second")
        Double rate;
        @Option(names = "--max", required = true, description = "as fast as the requests in flight allow (the default)")
        boolean max;
    }

    /** The bench's tokens outlive its longest run. */
    private static final int TOKEN_SECONDS = 7200;

    /** Where the progress and the summary go. */
    private final PrintStream out = System.out;
    /** As {@code ./mash bench}: the stack to bring up, and where its parts are; null when run on its own. */
    private final LocalStack stack;
    private final boolean fromMash;

    /** On its own (e2e's smoke run): every address given as an option. */
    public BenchCommand() {
        this.stack = null;
        this.fromMash = false;
    }

    /**
     * As {@code ./mash bench} ({@link BenchExtension}): it brings the stack up on the newest build and
     * restarts each service on its own first; what is not given as an option is the stack's.
     *
     * @param stack null when ./mash's settings are not valid (then running says so)
     */
    BenchCommand(LocalStack stack) {
        this.stack = stack;
        this.fromMash = true;
    }
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] argv) {
        // the Kafka client and the JDBC driver stay quiet unless something is wrong
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(commandLine(new BenchCommand()).execute(argv));
    }

    /** The command line of a bench command: exit 0 done, 1 failed (the cause printed), 2 wrong usage. */
    static CommandLine commandLine(BenchCommand command) {
        return new CommandLine(command).setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("bench: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                err.println("  caused by: " + cause);
            }
            err.flush();
            return 1;
        });
    }

    /** Settings refused before anything is sent. */
    BenchSettings settings() {
        positive("--duration", duration);
        positive("--in-flight", inFlight);
        positive("--latency-duration", latencyDuration);
        positive("--baseline-duration", baselineDuration);
        positive("--drain-timeout", drainTimeout);
        if (logPort != null) {
            positive("--log-port", logPort);
        }
        if (warmup < 0) {
            throw usage("--warmup must be 0 or more seconds");
        }
        if (latencyRate <= 0) {
            throw usage("--latency-rate must be above 0");
        }
        if (historyEntries < 0) {
            throw usage("--history-entries must be 0 (no history phase) or more");
        }
        if (logEntries < 0) {
            throw usage("--log-entries must be 0 (no replay and integrity) or more");
        }
        BenchSettings.Rate rate = BenchSettings.Rate.MAX;
        if (pipelineRate != null && pipelineRate.rate != null) {
            if (pipelineRate.rate <= 0) {
                throw usage("--rate must be above 0 (or use --max)");
            }
            rate = new BenchSettings.Rate(pipelineRate.rate);
        }
        if (!fromMash) { // ./mash bench: the stack's, once it is up
            required("--key", key);
            required("--intake", intake);
            required("--screening", screening);
            required("--audit", audit);
            required("--kafka", kafka);
            required("--db", db);
            required("--home", home);
            if (logEntries > 0 || historyEntries > 0) {
                required("--audit-jar", auditJar);
                required("--secrets", secrets);
                required("--public-key", publicKey);
            }
        }
        return new BenchSettings(duration, rate, inFlight, latencyRate, latencyDuration, baselineDuration, warmup);
    }

    @Override
    public Integer call() throws Exception {
        if (fromMash) {
            upAndAddressed();
        }
        if (logPort == null) {
            logPort = ServiceCatalog.port(ServiceCatalog.AUDIT_BENCH_PORT_VARIABLE, ServiceCatalog.DEFAULT_AUDIT_BENCH_PORT,
                    System.getenv());
        }
        BenchSettings settings = settings();
        BenchResult result = run(settings, out);
        Path dir = home.resolve("bench");
        Files.createDirectories(dir);
        String json = BenchJson.write(result);
        Files.writeString(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("bench-" + result.fileStamp() + ".json"), json);
        out.println();
        out.print(BenchSummary.text(result));
        out.println("  written to " + dir.resolve("latest.json"));
        writeChart(dir, result, out);
        return 0;
    }

    /**
     * ./mash bench: the stack up on the newest build (stopped first when the sources changed), then
     * each service restarted on its own, the others idle, so that its "started in" times the service
     * and not the machine's contention (./mash up starts all four at once); then the stack's
     * addresses for whatever was not given.
     */
    private void upAndAddressed() throws Exception {
        if (stack == null) {
            throw usage("a MASH_* setting is not valid; ./mash status says which");
        }
        settings(); // wrong options are refused before the stack is touched
        stack.stopServicesIfStale();
        stack.up();
        Console console = stack.console();
        console.say("");
        console.say(console.bold("Start-up") + ": restarting each service on its own");
        stack.restartEach(stack.services());
        console.say("");
        console.say(console.bold("Bench") + ": baselines, pipeline throughput, latency, replay and integrity, memory and"
                + " start-up (results in .mash/bench/)");
        MashHome mashHome = stack.home();
        key = key != null ? key : mashHome.privateKey();
        intake = intake != null ? intake : stack.url(ServiceCatalog.INTAKE);
        screening = screening != null ? screening : stack.url(ServiceCatalog.SCREENING);
        audit = audit != null ? audit : stack.url(ServiceCatalog.AUDIT);
        kafka = kafka != null ? kafka : stack.kafkaBootstrapForClients();
        db = db != null ? db : stack.superuserUrl();
        this.home = this.home != null ? this.home : mashHome.home();
        auditJar = auditJar != null ? auditJar : ServiceCatalog.AUDIT.jar(mashHome.root());
        secrets = secrets != null ? secrets : mashHome.secrets();
        publicKey = publicKey != null ? publicKey : mashHome.publicKey();
        if (logPort == null) {
            logPort = ServiceCatalog.port(ServiceCatalog.AUDIT_BENCH_PORT_VARIABLE, ServiceCatalog.DEFAULT_AUDIT_BENCH_PORT,
                    stack.settings().env());
        }
    }

    private BenchResult run(BenchSettings settings, PrintStream out) throws Exception {
        String dbUser = envOr("MASH_DB_USER", "postgres");
        String dbPassword = System.getenv("MASH_DB_PASSWORD");
        String runId = BenchReports.letters(new Random().nextInt(Integer.MAX_VALUE));
        BenchReports reports = new BenchReports(runId);
        PrivateKey signingKey = Pem.readPrivateKey(key);
        String referrer = Tokens.sign(signingKey, "referrer", "EDUCATION", "bench.referrer", TOKEN_SECONDS);
        String auditor = Tokens.sign(signingKey, "auditor", Identity.defaultAgency("auditor"), "bench.auditor", TOKEN_SECONDS);
        String manager = Tokens.sign(signingKey, "manager", "CHILDRENS_SERVICES", "bench.manager", TOKEN_SECONDS);
        String screener = Tokens.sign(signingKey, "screener", "CHILDRENS_SERVICES", "bench.screener", TOKEN_SECONDS);
        BenchHttp api = new BenchHttp(http);
        Instant date = Instant.now();
        BenchMachine machine = BenchMachine.describe();
        BenchSettings.Rate rate = settings.rate();

        out.printf("bench run %s: %s, %d s pipeline, then %d s at %s/s for latency%n", runId,
                rate.max() ? "as fast as intake accepts (" + inFlight + " in flight)" : rate.perSecond() + " reports/s",
                duration, latencyDuration, BenchJson.number(latencyRate));

        // 1. the raw baselines, on the same broker and server
        out.printf("  baseline: plain Kafka producer (acks=all) to %s for %d s ...%n", BenchKafkaBaseline.TOPIC, baselineDuration);
        double kafkaRate = BenchKafkaBaseline.run(kafka, reports, baselineDuration);
        out.printf("  baseline: plain JDBC batch inserts into %s for %d s ...%n", BenchJdbcBaseline.DATABASE, baselineDuration);
        double jdbcRate = BenchJdbcBaseline.run(db, dbUser, dbPassword, reports, baselineDuration);
        Baselines baselines = new Baselines(kafkaRate, jdbcRate);
        out.printf("  baseline: Kafka %s records/s, JDBC %s rows/s%n", BenchJson.number(kafkaRate), BenchJson.number(jdbcRate));

        BenchProcesses processes = new BenchProcesses(home);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(processes::sample, 0, 500, TimeUnit.MILLISECONDS);
        BenchProgress progress = new BenchProgress(out);
        int decisionsInFlight = Math.max(inFlight, 64);
        PipelineResult pipeline;
        LatencyResult latency;
        TimelineResult timeline;
        BenchCostMeter costs;
        AcceptedHops acceptedHops;
        DecisionHops hops;
        try (BenchCaseWatcher watcher = new BenchCaseWatcher(kafka);
             Connection auditConnection = BenchLiveLog.auditDatabase(db, auditDb, dbUser, dbPassword)) {
            BenchDrain drain = new BenchDrain(watcher, auditConnection, out);
            costs = new BenchCostMeter(home, kafka, auditConnection, auditDb, out);
            // The services compile their hot code while it runs (a restarted JVM spends its first
            // minute mostly in the JIT compiler): a warm-up load first, not measured, then the
            // pipeline starts on an empty backlog.
            if (warmup > 0) {
                LoadResult warm = progress.run("warm-up",
                        new BenchLoad(http, intake, referrer, reports, inFlight, 20_000_000L), rate.pacerRate(), watcher, warmup);
                drain.quiet(warm, drainTimeout);
                // the decision path (screening's decision, routing, the queue topics) warms up too:
                // some of the warm-up's cases decided at the latency rate, not measured
                List<String> warmCases = watcher.casesOf(warm.acceptedAt().keySet(), (int) (latencyRate * 10));
                out.printf("  warm-up: deciding %d of its cases at %s/s, not measured%n", warmCases.size(),
                        BenchJson.number(latencyRate));
                new BenchDecisions(http, screening, screener, decisionsInFlight).run(warmCases, latencyRate, 10);
                // their referrals and audit entries land before the pipeline counts audit's
                drain.quiet(warm, drainTimeout);
            }

            // 2. the pipeline
            costs.pipelineStarting();
            long casesBefore = casesTotal(api, manager);
            long auditBefore = BenchLiveLog.head(auditConnection);
            LoadResult load = progress.run("pipeline", new BenchLoad(http, intake, referrer, reports, inFlight, 0),
                    rate.pacerRate(), watcher, duration);
            PipelineDrain drained = drain.pipeline(load, auditBefore, drainTimeout);
            costs.pipelineDrained();
            boolean auditVerified = api.get(audit + "/api/v1/audit/integrity", auditor, Duration.ofSeconds(60))
                    .path("verified").asBoolean();
            pipeline = PipelineResult.of(load, drained, auditVerified, casesTotal(api, manager) - casesBefore, baselines);

            // 3. latency at a fixed rate: accepted -> case, then decision -> queue on the cases it opened
            costs.latencyStarting();
            LoadResult fixed = progress.run("latency",
                    new BenchLoad(http, intake, referrer, reports, decisionsInFlight, 10_000_000L), latencyRate, watcher,
                    latencyDuration);
            BenchLatencyPhase.CaseLatency toCase = BenchLatencyPhase.acceptedToCase(fixed, watcher, drainTimeout);
            acceptedHops = AcceptedHops.of(fixed.acceptedAt().keySet(), watcher.reportStamps, watcher.caseEventStamps);
            List<String> caseIds = watcher.casesOf(fixed.acceptedAt().keySet(), Integer.MAX_VALUE);
            out.printf("  decisions: deciding up to %d of those cases at %s/s (for at most %d s), then waiting for their referrals%n",
                    caseIds.size(), BenchJson.number(latencyRate), latencyDuration);
            DecisionsResult decisions = new BenchDecisions(http, screening, screener, decisionsInFlight)
                    .run(caseIds, latencyRate, latencyDuration);
            BenchLatencyPhase.QueueLatency toQueue = BenchLatencyPhase.decisionToQueue(decisions, watcher);
            costs.latencyDone();
            hops = DecisionHops.of(decisions.decidedAt().keySet(), watcher.decisionStamps, watcher.referralStamps);
            out.printf("  decisions: %d recorded, %d failed%s; %d referrals seen%n", decisions.recorded(), decisions.failed(),
                    decisions.firstError() == null ? "" : " (first failure: " + BenchProgress.shorten(decisions.firstError()) + ")",
                    toQueue.summary().count());
            latency = LatencyResult.of(latencyRate, fixed, toCase.summary(), toCase.missing(), decisions,
                    toQueue.summary(), toQueue.missing(), toQueue.timedFromAnswer());
            timeline = TimelineResult.of(
                    BenchTimeline.of("pipeline", load.firstSendNanos(), load.firstSendNanos(), load.acceptedAt(),
                            watcher.caseSeenAt, Map.of(), Map.of()),
                    BenchTimeline.of("latency", load.firstSendNanos(), fixed.firstSendNanos(), fixed.acceptedAt(),
                            watcher.caseSeenAt, toQueue.recordedAt(), watcher.referralSeenAt));
            watcher.check();
        } finally {
            sampler.shutdownNow();
        }
        processes.sample();

        // 4. replay and integrity: audit-service itself on a generated log, against a raw scan of the same table
        ReplayRun replay = null;
        if (logEntries > 0) {
            BenchScratchLog.Instance instance = new BenchScratchLog.Instance(auditJar, secrets, publicKey, kafka, logPort, home);
            replay = new BenchReplay(http, auditor, out).run(db, dbUser, dbPassword, instance, logEntries, regenerateLog);
        }

        // 4b. history at scale: audit-service on a decade's log
        HistoryResult history = null;
        if (historyEntries > 0) {
            BenchScratchLog.Instance instance = new BenchScratchLog.Instance(auditJar, secrets, publicKey, kafka, logPort, home);
            history = new BenchHistory(http, auditor, out).run(db, dbUser, dbPassword, instance, historyEntries, regenerateLog,
                    20, 200);
        }

        // 5. memory and start-up
        return new BenchResult(date, machine, settings, pipeline, latency,
                replay == null ? ReplayResult.skipped() : replay.replay(),
                replay == null ? IntegrityResult.skipped() : replay.integrity(),
                replay == null ? null : replay.log(),
                processes.peakRssMb(), processes.highWaterMarkMb(), processes.startupSeconds(), BenchMachine.loadAverage(),
                timeline, costs.cpu(pipeline.reportsAccepted(), latency.reportsAccepted()),
                costs.floor(pipeline.reportsAccepted(), baselines, pipeline.reportsPerSecond()), acceptedHops, hops,
                history);

    }

    /** latest.png and its dated copy; a chart that cannot be drawn costs the picture, not the run's figures. */
    private static void writeChart(Path dir, BenchResult result, PrintStream out) {
        Path png = dir.resolve("latest.png");
        try {
            BenchChart.write(png, "MASH Hub bench, " + result.date() + ", " + result.machine().cores() + " cores",
                    result.timeline());
            Files.copy(png, dir.resolve("bench-" + result.fileStamp() + ".png"), StandardCopyOption.REPLACE_EXISTING);
            out.println("  chart written to " + png);
        } catch (Exception | LinkageError e) {
            out.println("  chart NOT written (" + e + "); latest.json is complete without it");
        }
    }

    /** The total of screening's case list. */
    private long casesTotal(BenchHttp api, String manager) throws Exception {
        return api.get(screening + "/api/v1/cases?size=1", manager, Duration.ofSeconds(60)).path("total").asLong();
    }

    private void positive(String option, long value) {
        if (value <= 0) {
            throw usage(option + " must be above 0");
        }
    }

    private void required(String option, Object value) {
        if (value == null) {
            throw usage(option + " is required");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
