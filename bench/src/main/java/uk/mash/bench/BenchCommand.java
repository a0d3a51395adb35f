package uk.mash.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jose4j.json.JsonUtil;

/**
 * {@code ./mash bench}: how fast the running stack is, and how far from this machine's raw Kafka
 * and PostgreSQL, measured in one run (issue 7). Phases: the raw baselines, the pipeline at a rate
 * or as fast as allowed, latency at a fixed rate, memory and start-up of the services. Writes
 * {@code .mash/bench/latest.json} and {@code latest.png} (a copy of each per run beside them) and
 * prints a summary. Fields not measured by this version are written as null. A benchmark, not a
 * test: it asserts nothing.
 */
final class BenchCommand implements Command {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private PrivateKey key;
    private PrintStream out;

    @Override
    public String usage() {
        return "bench --key FILE --intake URL --screening URL --routing URL --audit URL --kafka HOST:PORT --db JDBC-URL"
                + " --home DIR [--duration S] [--rate R | --max] [--in-flight N] [--latency-rate R]"
                + " [--latency-duration S] [--baseline-duration S] [--warmup S] [--drain-timeout S] [--log-entries N --audit-jar FILE"
                + " --secrets DIR --public-key FILE --log-port PORT] [--regenerate-log] [--audit-db NAME]   the running stack's speed";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.allow("key", "intake", "screening", "routing", "audit", "kafka", "db", "home", "duration", "rate", "max",
                "in-flight", "latency-rate", "latency-duration", "baseline-duration", "drain-timeout", "warmup", "audit-jar",
                "secrets", "public-key", "log-entries", "log-port", "regenerate-log", "audit-db");
        this.out = out;
        key = Pem.readPrivateKey(Path.of(args.required("key")));
        String intake = args.required("intake");
        String screening = args.required("screening");
        String audit = args.required("audit");
        String kafka = args.required("kafka");
        String db = args.required("db");
        Path home = Path.of(args.required("home"));
        int duration = positive(args, "duration", 60);
        String rateText = args.optional("rate", null);
        double rate = rateText == null ? 0 : Double.parseDouble(rateText); // no --rate: --max
        if (args.flag("max") && rateText != null) {
            throw new UsageException("--rate and --max exclude each other");
        }
        if (rateText != null && rate <= 0) {
            throw new UsageException("--rate must be above 0 (or use --max)");
        }
        int inFlight = positive(args, "in-flight", 32);
        double latencyRate = Double.parseDouble(args.optional("latency-rate", "100"));
        int latencyDuration = positive(args, "latency-duration", 20);
        int baselineDuration = positive(args, "baseline-duration", 10);
        int warmup = args.intValue("warmup", 60);
        if (warmup < 0) {
            throw new UsageException("--warmup must be 0 or more seconds");
        }
        int drainTimeout = positive(args, "drain-timeout", 180);
        int logEntries = args.intValue("log-entries", 1_000_000); // 0: no replay and integrity
        if (logEntries < 0) {
            throw new UsageException("--log-entries must be 0 (no replay and integrity) or more");
        }
        rates.put("pipeline", rate);
        rates.put("warm-up", rate);
        rates.put("latency", latencyRate);
        String dbUser = envOr("MASH_DB_USER", "postgres");
        String dbPassword = System.getenv("MASH_DB_PASSWORD");

        String runId = BenchReports.letters(new Random().nextInt(Integer.MAX_VALUE));
        BenchReports reports = new BenchReports(runId);
        String referrer = TokenCommand.sign(key, "referrer", "EDUCATION", "bench.referrer", 7200);
        String auditor = TokenCommand.sign(key, "auditor", Identity.defaultAgency("auditor"), "bench.auditor", 7200);
        String manager = TokenCommand.sign(key, "manager", "CHILDRENS_SERVICES", "bench.manager", 7200);
        String screener = TokenCommand.sign(key, "screener", "CHILDRENS_SERVICES", "bench.screener", 7200);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", Instant.now().toString());
        result.put("machine", BenchMachine.describe());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("durationSeconds", duration);
        settings.put("rate", rateText == null ? "max" : rate);
        settings.put("inFlight", inFlight);
        settings.put("latencyRate", latencyRate);
        settings.put("latencyDurationSeconds", latencyDuration);
        settings.put("baselineDurationSeconds", baselineDuration);
        settings.put("warmupSeconds", warmup);
        result.put("settings", settings);

        out.printf("bench run %s: %s, %d s pipeline, then %d s at %s/s for latency%n", runId,
                rateText == null ? "as fast as intake accepts (" + inFlight + " in flight)" : rate + " reports/s",
                duration, latencyDuration, BenchJson.number(latencyRate));

        // 1. the raw baselines, on the same broker and server
        out.printf("  baseline: plain Kafka producer (acks=all) to %s for %d s ...%n", BenchKafkaBaseline.TOPIC, baselineDuration);
        double kafkaRate = BenchKafkaBaseline.run(kafka, reports, baselineDuration);
        out.printf("  baseline: plain JDBC batch inserts into %s for %d s ...%n", BenchJdbcBaseline.DATABASE, baselineDuration);
        double jdbcRate = BenchJdbcBaseline.run(db, dbUser, dbPassword, reports, baselineDuration);
        out.printf("  baseline: Kafka %s records/s, JDBC %s rows/s%n", BenchJson.number(kafkaRate), BenchJson.number(jdbcRate));

        BenchProcesses processes = new BenchProcesses(home);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(processes::sample, 0, 500, TimeUnit.MILLISECONDS);
        Map<String, Object> pipeline;
        Map<String, Object> latency;
        List<BenchTimeline> timelines;
        try (BenchCaseWatcher watcher = new BenchCaseWatcher(kafka);
             Connection auditDb = BenchLiveLog.auditDatabase(db, args.optional("audit-db", "audit"), dbUser, dbPassword)) {
            // The services compile their hot code while it runs (a restarted JVM spends its first
            // minute mostly in the JIT compiler): a warm-up load first, not measured, then the
            // pipeline starts on an empty backlog.
            if (warmup > 0) {
                BenchLoad warm = new BenchLoad(http, intake, referrer, reports, inFlight, 20_000_000L);
                runWithProgress("warm-up", warm, watcher, warmup);
                awaitQuiet(warm, watcher, auditDb, drainTimeout);
                // the decision path (screening's decision, routing, the queue topics) warms up too:
                // some of the warm-up's cases decided at the latency rate, not measured
                List<String> warmCases = watcher.casesOf(warm.acceptedAt.keySet(), (int) (latencyRate * 10));
                BenchDecisions warmDecisions = new BenchDecisions(http, screening, screener, Math.max(inFlight, 64));
                out.printf("  warm-up: deciding %d of its cases at %s/s, not measured%n", warmCases.size(),
                        BenchJson.number(latencyRate));
                warmDecisions.run(warmCases, latencyRate, 10);
                // their referrals and audit entries land before the pipeline counts audit's
                awaitQuiet(warm, watcher, auditDb, drainTimeout);
            }

            // 2. the pipeline
            long casesBefore = ((Number) get(screening + "/api/v1/cases?size=1", manager).get("total")).longValue();
            long auditBefore = BenchLiveLog.head(auditDb);
            BenchLoad load = new BenchLoad(http, intake, referrer, reports, inFlight, 0);
            runWithProgress("pipeline", load, watcher, duration);
            pipeline = drainPipeline(load, watcher, auditDb, audit, auditor, auditBefore, drainTimeout);
            long casesAfter = ((Number) get(screening + "/api/v1/cases?size=1", manager).get("total")).longValue();
            pipeline.put("casesListTotalDelta", casesAfter - casesBefore);
            Double reportsPerSecond = (Double) pipeline.get("reportsPerSecond");
            pipeline.put("baselineRatio", BenchPipeline.baselineRatio(reportsPerSecond, kafkaRate, jdbcRate));
            pipeline.put("kafkaBaselinePerSecond", kafkaRate);
            pipeline.put("jdbcBaselinePerSecond", jdbcRate);

            // 3. latency at a fixed rate
            BenchLoad fixed = new BenchLoad(http, intake, referrer, reports, Math.max(inFlight, 64), 10_000_000L);
            runWithProgress("latency", fixed, watcher, latencyDuration);
            latency = measureLatency(fixed, watcher, drainTimeout);

            // decision recorded -> referral on its queue topic, on the cases the latency run opened
            List<String> caseIds = watcher.casesOf(fixed.acceptedAt.keySet(), Integer.MAX_VALUE);
            out.printf("  decisions: deciding up to %d of those cases at %s/s (for at most %d s), then waiting for their referrals%n",
                    caseIds.size(), BenchJson.number(latencyRate), latencyDuration);
            BenchDecisions decisions = new BenchDecisions(http, screening, screener, Math.max(inFlight, 64));
            decisions.run(caseIds, latencyRate, latencyDuration);
            Map<String, Long> recordedAt = measureDecisionToQueue(decisions, watcher, latency);
            timelines = List.of(
                    BenchTimeline.of("pipeline", load.firstSendNanos, load.firstSendNanos, load.acceptedAt,
                            watcher.caseSeenAt, Map.of(), Map.of()),
                    BenchTimeline.of("latency", load.firstSendNanos, fixed.firstSendNanos, fixed.acceptedAt,
                            watcher.caseSeenAt, recordedAt, watcher.referralSeenAt));
            watcher.check();
        } finally {
            sampler.shutdownNow();
        }
        processes.sample();
        result.put("pipeline", pipeline);
        result.put("latency", latency);

        // 4. replay and integrity: audit-service itself on a generated log, against a raw scan of the same table
        if (logEntries > 0) {
            BenchScratchLog.Instance instance = new BenchScratchLog.Instance(Path.of(args.required("audit-jar")),
                    Path.of(args.required("secrets")), Path.of(args.required("public-key")), kafka,
                    positive(args, "log-port", 8094), home);
            Map<String, Object> measured = new BenchReplay(http, auditor, out).run(db, dbUser, dbPassword, instance,
                    logEntries, args.flag("regenerate-log"));
            result.put("replay", measured.get("replay"));
            result.put("integrity", measured.get("integrity"));
            result.put("auditLog", measured.get("log"));
        } else {
            result.put("replay", BenchReplay.replay(0, 0, new double[] {0, 0}, null));
            result.put("integrity", BenchReplay.integrity(0, 0, null, null));
        }

        // 5. memory and start-up
        result.put("rssMb", processes.peakRssMb());
        result.put("rssHighWaterMarkMb", processes.highWaterMarkMb());
        result.put("startupSeconds", processes.startupSeconds());
        result.put("loadAverageAtEnd", BenchMachine.loadAverage());

        result.put("timeline", BenchTimeline.json(timelines));

        Path dir = home.resolve("bench");
        Files.createDirectories(dir);
        String json = BenchJson.write(result);
        Files.writeString(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("bench-" + result.get("date").toString().replace(':', '-') + ".json"), json);
        out.println();
        out.print(BenchSummary.text(result));
        out.println("  written to " + dir.resolve("latest.json"));
        writeChart(dir, runId, result, timelines);
        return 0;
    }

    /** latest.png and its dated copy; a chart that cannot be drawn costs the picture, not the run's figures. */
    private void writeChart(Path dir, String runId, Map<String, Object> result, List<BenchTimeline> timelines) {
        Path png = dir.resolve("latest.png");
        try {
            Map<?, ?> machine = (Map<?, ?>) result.get("machine");
            BenchChart.write(png, "MASH Hub bench " + runId + ", " + result.get("date") + ", " + machine.get("cores")
                    + " cores", timelines);
            Files.copy(png, dir.resolve("bench-" + result.get("date").toString().replace(':', '-') + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            out.println("  chart written to " + png);
        } catch (Exception | LinkageError e) {
            out.println("  chart NOT written (" + e + "); latest.json is complete without it");
        }
    }

    private void runWithProgress(String phase, BenchLoad load, BenchCaseWatcher watcher, int seconds) throws Exception {
        boolean console = System.console() != null;
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (!console && Math.round(elapsed) % 5 != 0) {
                return;
            }
            long cases = watcher.countAndLatest(load.acceptedAt.keySet())[0];
            String line = String.format("  %s %3.0f/%d s  sent %d  accepted %d (%.0f/s)  cases %d  failed %d  in flight %d",
                    phase, Math.min(elapsed, seconds), seconds, load.sent.get(), load.accepted.get(),
                    load.accepted.get() / Math.max(elapsed, 0.001), cases, load.failed.get(), load.inFlight());
            if (console) {
                out.print("\r" + line + "   ");
            } else {
                out.println(line);
            }
            out.flush();
        }, 1, 1, TimeUnit.SECONDS);
        try {
            load.run(rateOf(phase), seconds);
        } finally {
            progress.shutdownNow();
            progress.awaitTermination(2, TimeUnit.SECONDS);
            if (console) {
                out.println();
            }
        }
        out.printf("  %s: sent %d, accepted %d, failed %d%s%n", phase, load.sent.get(), load.accepted.get(),
                load.failed.get(), load.firstError == null ? "" : " (first failure: " + shorten(load.firstError) + ")");
    }

    private final Map<String, Double> rates = new LinkedHashMap<>();

    private double rateOf(String phase) {
        return rates.getOrDefault(phase, 0d);
    }

    private Map<String, Object> drainPipeline(BenchLoad load, BenchCaseWatcher watcher, Connection auditDb, String audit,
                                              String auditor,
                                              long auditBefore, int drainTimeout) throws Exception {
        long accepted = load.accepted.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
        long lastAudit = auditBefore;
        long lastAuditChange = load.firstSendNanos;
        long[] cases = {0, 0};
        boolean done = false;
        long maxPollMs = 0;
        out.printf("  pipeline: waiting for screening and audit to catch up (at most %d s)%n", drainTimeout);
        while (System.nanoTime() < deadline) {
            watcher.check();
            cases = watcher.countAndLatest(load.acceptedAt.keySet());
            long before = System.nanoTime();
            long entries = BenchLiveLog.head(auditDb);
            long pollNanos = System.nanoTime() - before;
            maxPollMs = Math.max(maxPollMs, pollNanos / 1_000_000);
            if (entries != lastAudit) {
                lastAudit = entries;
                lastAuditChange = before + pollNanos / 2;
            }
            boolean auditStable = System.nanoTime() - lastAuditChange > TimeUnit.SECONDS.toNanos(3);
            if (cases[0] >= accepted && lastAudit - auditBefore >= 2 * accepted && auditStable) {
                done = true;
                break;
            }
            Thread.sleep(500);
        }
        long auditDelta = lastAudit - auditBefore;
        long auditReports = Math.min(accepted, auditDelta / 2);
        long first = load.firstSendNanos;
        BenchPipeline p = new BenchPipeline(accepted, cases[0], auditReports,
                (load.lastAcceptedNanos.get() - first) / 1e9, cases[1] == 0 ? 0 : (cases[1] - first) / 1e9,
                (lastAuditChange - first) / 1e9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reportsPerSecond", p.reportsPerSecond());
        m.put("baselineRatio", null);
        m.put("reportsSent", load.sent.get());
        m.put("reportsAccepted", accepted);
        m.put("reportsFailed", load.failed.get());
        m.put("httpStatuses", new LinkedHashMap<>(load.statuses));
        m.put("casesOpened", cases[0]);
        m.put("auditEntriesAppended", auditDelta);
        m.put("auditEntriesPerReport", accepted == 0 ? null : (double) auditDelta / accepted);
        m.put("completedReports", p.completed());
        m.put("windowSeconds", p.windowSeconds());
        m.put("acceptedPerSecond", p.acceptedPerSecond());
        m.put("casesOpenedPerSecond", p.casesPerSecond());
        m.put("auditReportsPerSecond", p.auditPerSecond());
        m.put("drained", done);
        m.put("auditPollMaxMs", maxPollMs);
        m.put("auditPolledAs", "max(sequence) of audit_entries in audit's database (superuser JDBC), every 0.5 s after the load");
        Map<String, Object> integrity = get(audit + "/api/v1/audit/integrity", auditor);
        m.put("auditVerified", integrity.get("verified"));
        out.printf("  pipeline: %d accepted, %d cases opened, %d audit entries; %s%n", accepted, cases[0], auditDelta,
                done ? "all through" : "NOT all through within " + drainTimeout + " s");
        return m;
    }

    /** Until every report of the load has its case and audit's log has stopped growing. */
    private void awaitQuiet(BenchLoad load, BenchCaseWatcher watcher, Connection auditDb, int drainTimeout)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
        long head = -1;
        long steadySince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            watcher.check();
            long now = BenchLiveLog.head(auditDb);
            if (now != head) {
                head = now;
                steadySince = System.nanoTime();
            }
            boolean cases = watcher.countAndLatest(load.acceptedAt.keySet())[0] >= load.accepted.get();
            if (cases && System.nanoTime() - steadySince > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Thread.sleep(500);
        }
        out.printf("  warm-up: not all through within %d s; measuring anyway%n", drainTimeout);
    }

    private Map<String, Object> measureLatency(BenchLoad load, BenchCaseWatcher watcher, int drainTimeout)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(drainTimeout, 60));
        while (watcher.countAndLatest(load.acceptedAt.keySet())[0] < load.acceptedAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        BenchLatency acceptedToCase = new BenchLatency();
        long missing = 0;
        for (Map.Entry<String, Long> e : load.acceptedAt.entrySet()) {
            Long seen = watcher.caseSeenAt.get(e.getKey());
            if (seen == null) {
                missing++;
            } else {
                acceptedToCase.recordNanos(seen - e.getValue());
            }
        }
        Map<String, Object> s = acceptedToCase.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", rateOf("latency"));
        m.put("reportsSent", load.sent.get());
        m.put("reportsAccepted", load.accepted.get());
        m.put("offeredPerSecond", load.sent.get() / (double) load.seconds());
        m.put("acceptedToCaseP50Ms", s.get("p50Ms"));
        m.put("acceptedToCaseP99Ms", s.get("p99Ms"));
        m.put("acceptedToCaseP999Ms", s.get("p999Ms"));
        m.put("acceptedToCaseMaxMs", s.get("maxMs"));
        m.put("acceptedToCaseSamples", s.get("count"));
        m.put("acceptedToCaseMissing", missing);
        m.put("acceptedToCaseMeasuredAs", "intake's 202 arriving at the bench -> the case's opened/report-linked event"
                + " read by the bench from mash.case-events (published by screening once stored)");
        m.put("decisionToQueueP99Ms", null);
        m.put("decisionToQueueNote", "not measured in this version");
        return m;
    }

    /** Times each decided case's first referral from its decision's recording; returns caseId → recorded at. */
    private Map<String, Long> measureDecisionToQueue(BenchDecisions decisions, BenchCaseWatcher watcher,
                                                     Map<String, Object> latency) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && decisions.decidedAt.keySet().stream()
                .anyMatch(id -> !watcher.referralSeenAt.containsKey(id) || !watcher.decisionRecordedAt.containsKey(id))) {
            Thread.sleep(200);
        }
        Map<String, Long> recordedAt = new LinkedHashMap<>();
        long fromAnswer = 0;
        for (Map.Entry<String, Long> e : decisions.decidedAt.entrySet()) {
            Long recorded = watcher.decisionRecordedAt.get(e.getKey());
            if (recorded == null) {
                fromAnswer++; // its event not seen: the answer's arrival instead (later, so shorter)
            }
            recordedAt.put(e.getKey(), recorded == null ? e.getValue() : recorded);
        }
        BenchLatency toQueue = new BenchLatency();
        long missing = 0;
        for (Map.Entry<String, Long> e : recordedAt.entrySet()) {
            Long seen = watcher.referralSeenAt.get(e.getKey());
            if (seen == null) {
                missing++;
            } else {
                toQueue.recordNanos(seen - e.getValue());
            }
        }
        Map<String, Object> s = toQueue.summary();
        latency.put("decisionsSent", decisions.sent.get());
        latency.put("decisionsRecorded", decisions.recorded.get());
        latency.put("decisionsFailed", decisions.failed.get());
        latency.put("decisionToQueueP50Ms", s.get("p50Ms"));
        latency.put("decisionToQueueP99Ms", s.get("p99Ms"));
        latency.put("decisionToQueueP999Ms", s.get("p999Ms"));
        latency.put("decisionToQueueMaxMs", s.get("maxMs"));
        latency.put("decisionToQueueSamples", s.get("count"));
        latency.put("decisionToQueueMissing", missing);
        latency.put("decisionToQueueTimedFromAnswer", fromAnswer);
        latency.put("decisionToQueueMeasuredAs", "the decision recorded (ce_time of its mash.case.decision-recorded.v1,"
                + " screening's clock, the same machine) -> the case's first mash.referral.routed.v1 read by the bench"
                + " from mash.queue.children|adults|police");
        latency.remove("decisionToQueueNote");
        out.printf("  decisions: %d recorded, %d failed%s; %d referrals seen%n", decisions.recorded.get(),
                decisions.failed.get(), decisions.firstError == null ? "" : " (first failure: " + shorten(decisions.firstError) + ")",
                s.get("count"));
        return recordedAt;
    }

    private Map<String, Object> get(String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JsonUtil.parseJson(response.body());
    }

    private static int positive(Args args, String name, int fallback) {
        int v = args.intValue(name, fallback);
        if (v <= 0) {
            throw new UsageException("--" + name + " must be above 0");
        }
        return v;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
