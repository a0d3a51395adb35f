package uk.mash.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import uk.mash.contracts.EventTypes;
import uk.mash.platform.ServiceCatalog;
import uk.mash.platform.Settings;

/**
 * Issue 16, point 4: audit-service on ten years of a large authority's log ({@link #SPAN}, at least five
 * million entries by default, {@link BenchLogGenerator}'s journeys spread over the decade), kept in its own
 * scratch database ({@link #DATABASE}) like the replay's. A second audit-service on it, with the services'
 * 128 MB heap and its Kafka consumer off, is timed over HTTP on what an auditor and a board ask of a log
 * that old: the report card for one half-year, one case's history, one case as it stood, and the export
 * of a year of it, while its resident memory is sampled.
 */
final class BenchHistory {

    static final String DATABASE = "audit_history";
    /** A Monday morning ten years before the replay log's clock ends. */
    static final Instant START = Instant.parse("2016-01-04T08:30:00.123456Z");
    /** Ten years, leap days included. */
    static final Duration SPAN = Duration.ofDays(3653);
    /** Audit's JVM options as ./mash up runs it (its heap, then MASH_SERVICE_JVM_OPTS or ./mash's default). */
    static List<String> serviceJvmOptions(Map<String, String> env) {
        return Settings.of(env).jvmOptionsOf(ServiceCatalog.AUDIT);
    }

    /** The heap those options give (the last -Xmx), "default" when they set none. */
    static String heap(List<String> jvmOptions) {
        String heap = "default";
        for (String o : jvmOptions) {
            if (o.startsWith("-Xmx")) {
                heap = o.substring(4);
            }
        }
        return heap;
    }
    /**
     * Nothing listens there: the scratch instance's case reads (each history read is recorded) stay in
     * its own outbox and never reach the stack's broker, whose audit would append them to the real log.
     */
    static final String NO_BROKER = "127.0.0.1:9";

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private final HttpClient http;
    private final BenchHttp api;
    private final String auditor;
    private final PrintStream out;

    BenchHistory(HttpClient http, String auditorToken, PrintStream out) {
        this.http = http;
        this.api = new BenchHttp(http);
        this.auditor = auditorToken;
        this.out = out;
    }

    /** The decade's log for {@code entries} entries: its events spread evenly over {@link #SPAN}. */
    static BenchScratchLog.Shape shape(long entries) {
        return new BenchScratchLog.Shape(DATABASE, START, BenchLogGenerator.maxGapMicrosFor(entries, SPAN));
    }

    /**
     * The half-years wholly inside [first, last]: 1 January to 30 June and 1 July to 31 December, as a board
     * reads them, oldest first.
     */
    static List<LocalDate[]> halfYears(Instant first, Instant last) {
        List<LocalDate[]> halves = new ArrayList<>();
        LocalDate firstDay = LocalDate.ofInstant(first, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(last, ZoneOffset.UTC);
        for (int year = firstDay.getYear(); year <= lastDay.getYear(); year++) {
            for (LocalDate start : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 7, 1))) {
                LocalDate end = start.plusMonths(6).minusDays(1);
                if (!start.isBefore(firstDay) && !end.isAfter(lastDay)) {
                    halves.add(new LocalDate[] {start, end});
                }
            }
        }
        return halves;
    }

    HistoryResult run(String superUrl, String user, String password, BenchScratchLog.Instance stack, long entries,
                      boolean regenerate, int reportCards, int cases) throws Exception {
        String owner = Files.exists(stack.secrets().resolve("audit_owner.password")) ? "audit_owner" : "audit";
        BenchScratchLog.Instance instance = new BenchScratchLog.Instance(stack.jar(), stack.secrets(), stack.publicKey(),
                NO_BROKER, stack.port(), stack.home());
        try (BenchScratchLog scratch = new BenchScratchLog(superUrl, user, password, out, shape(entries))) {
            boolean reused = scratch.prepare(entries, regenerate, owner, "audit");
            List<String> jvm = new ArrayList<>(serviceJvmOptions(System.getenv()));
            // with no broker, its producers' readiness is left out (nothing it is timed on sends to Kafka)
            jvm.add("-Dmp.messaging.outgoing.outbox.health-readiness-enabled=false");
            jvm.add("-Dmp.messaging.outgoing.dead-letters.health-readiness-enabled=false");
            String heap = heap(jvm);
            out.printf("  history: %s ten-year log of %,d entries in database %s; starting audit-service (heap %s) on port %d%n",
                    reused ? "the generated" : "generating a", entries, DATABASE, heap, instance.port());
            scratch.start(instance, owner, jvm); // its Flyway migrations make (or bring up to date) the schema
            String base = "http://127.0.0.1:" + instance.port() + "/api";
            LogGeneration generation = null;
            Double buildSeconds = null;
            if (!reused) {
                generation = scratch.generate(entries);
                long t0 = System.nanoTime();
                api.post(base + "/v1/audit/rebuild", auditor, TIMEOUT); // report_case: which case each report is of
                buildSeconds = generation.seconds() + (System.nanoTime() - t0) / 1e9;
                out.printf("  history: generated, loaded and folded in %s s%n", BenchJson.number(buildSeconds));
            } else if (reportCasesEmpty(scratch)) {
                api.post(base + "/v1/audit/rebuild", auditor, TIMEOUT); // a load interrupted before its fold
            }
            BenchScratchLog.Made made = scratch.made();
            BenchScratchLog.Size size = scratch.size();
            Instant[] span = occurredSpan(scratch);

            AtomicLong peakRssKb = new AtomicLong();
            long pid = scratch.pid();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-history-rss");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(() -> {
                Long kb = statusKb(pid, "VmRSS");
                if (kb != null) {
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            try {
                List<LocalDate[]> halves = halfYears(span[0], span[1]);
                Random random = new Random(BenchScratchLog.SEED);
                List<String> periods = new ArrayList<>();
                BenchLatency cards = new BenchLatency();
                for (int i = -2; i < reportCards && !halves.isEmpty(); i++) { // two untimed first: the JIT
                    LocalDate[] half = halves.get(random.nextInt(halves.size()));
                    long t0 = System.nanoTime();
                    api.get(base + "/v1/performance?from=" + half[0] + "&to=" + half[1], auditor, TIMEOUT);
                    if (i >= 0) {
                        cards.recordNanos(System.nanoTime() - t0);
                        periods.add(half[0] + "/" + half[1]);
                    }
                }
                LatencySummary card = cards.summary();
                out.printf("  history: report card for a half-year p50 %s ms, p99 %s ms, max %s ms (%d requests)%n",
                        BenchSummary.n(card.p50Ms()), BenchSummary.n(card.p99Ms()), BenchSummary.n(card.maxMs()), card.count());

                List<CaseAt> sample = cases(scratch, cases);
                BenchLatency histories = new BenchLatency();
                BenchLatency asOf = new BenchLatency();
                long historyEntries = 0;
                for (int i = 0; i < sample.size(); i++) {
                    CaseAt c = sample.get(i);
                    long t0 = System.nanoTime();
                    int n = api.get(base + "/v1/audit/cases/" + c.caseId() + "/events", auditor, TIMEOUT).size();
                    long t1 = System.nanoTime();
                    api.get(base + "/v1/audit/cases/" + c.caseId() + "/state?asOf=" + c.midway(), auditor, TIMEOUT);
                    long t2 = System.nanoTime();
                    if (i >= sample.size() / 10) { // the first tenth untimed: the JIT
                        histories.recordNanos(t1 - t0);
                        asOf.recordNanos(t2 - t1);
                        historyEntries += n;
                    }
                }
                LatencySummary history = histories.summary();
                LatencySummary state = asOf.summary();
                out.printf("  history: one case's history p50 %s ms, p99 %s ms, max %s ms; as of p50 %s ms, p99 %s ms (%d cases)%n",
                        BenchSummary.n(history.p50Ms()), BenchSummary.n(history.p99Ms()), BenchSummary.n(history.maxMs()),
                        BenchSummary.n(state.p50Ms()), BenchSummary.n(state.p99Ms()), history.count());

                HistoryResult.ExportResult export = export(base, Math.max(1, entries - entries / 10 + 1), entries);
                out.printf("  history: export of %,d entries in %s s (%s entries/s, %,d bytes)%n", export.entries(),
                        BenchJson.number(export.seconds()), BenchJson.number(export.entriesPerSecond()), export.bytes());

                Long hwm = statusKb(pid, "VmHWM");
                return new HistoryResult(DATABASE, entries, reused, buildSeconds, generation, made.madeAt(),
                        made.generationSeconds(), span[0], span[1], size.tableMb(), size.indexesMb(), heap, card, periods,
                        history, history.count() == 0 ? 0 : (double) historyEntries / history.count(), state, export,
                        peakRssKb.get() == 0 ? null : peakRssKb.get() / 1024.0, hwm == null ? null : hwm / 1024.0,
                        HistoryResult.TARGETS);
            } finally {
                sampler.shutdownNow();
            }
        }
    }

    /** GET /api/v1/audit/export for [from, to], read to its end and counted, never held. */
    private HistoryResult.ExportResult export(String base, long from, long to) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/v1/audit/export?fromSequence=" + from + "&toSequence=" + to))
                .header("Authorization", "Bearer " + auditor).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        int last = -1;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
                last = buffer[n - 1];
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (response.statusCode() != 200 || last != ']') {
            throw new IllegalStateException("the export answered " + response.statusCode() + " with " + bytes
                    + " bytes, not a whole array");
        }
        long entries = to - from + 1;
        return new HistoryResult.ExportResult(from, to, entries, bytes, seconds, entries / seconds);
    }

    /** A case and an instant half-way between its opening and its last entry. */
    record CaseAt(String caseId, Instant midway) {
    }

    /** {@code n} cases spread over the decade (a fixed pseudo-random choice, the same each run). */
    private static List<CaseAt> cases(BenchScratchLog scratch, int n) throws Exception {
        List<CaseAt> cases = new ArrayList<>();
        try (Connection c = scratch.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT o.case_id, o.occurred_at + (max(e.occurred_at) - o.occurred_at) / 2
                FROM (SELECT case_id, occurred_at FROM audit_entries WHERE type = ? ORDER BY md5(case_id) LIMIT ?) o
                JOIN audit_entries e ON e.case_id = o.case_id
                GROUP BY o.case_id, o.occurred_at ORDER BY md5(o.case_id)""")) {
            s.setString(1, EventTypes.CASE_OPENED);
            s.setInt(2, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cases.add(new CaseAt(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return cases;
    }

    private static Instant[] occurredSpan(BenchScratchLog scratch) throws Exception {
        try (Connection c = scratch.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT occurred_at FROM audit_entries ORDER BY sequence LIMIT 1),"
                     + " (SELECT occurred_at FROM audit_entries ORDER BY sequence DESC LIMIT 1)")) {
            r.next();
            return new Instant[] {r.getObject(1, OffsetDateTime.class).toInstant(),
                    r.getObject(2, OffsetDateTime.class).toInstant()};
        }
    }

    private static boolean reportCasesEmpty(BenchScratchLog scratch) throws Exception {
        try (Connection c = scratch.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM report_case)")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static Long statusKb(long pid, String field) {
        try {
            return BenchProcesses.statusField(Files.readString(Path.of("/proc", Long.toString(pid), "status")), field);
        } catch (Exception gone) {
            return null;
        }
    }
}
