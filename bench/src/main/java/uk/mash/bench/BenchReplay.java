package uk.mash.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/**
 * Phases 3 and 4 of issue 7 (replay and integrity) on a generated log of at least a million entries
 * ({@link BenchScratchLog}): audit-service's own {@code POST /api/v1/audit/rebuild} (every projection
 * folded again from the log) and {@code GET /api/v1/audit/integrity} (the whole chain verified),
 * each timed end to end over HTTP on a scratch instance of the service, and in the same run a raw
 * ordered scan of the same table by plain JDBC. rawScanRatio = replay rate / raw scan rate.
 */
final class BenchReplay {

    private final HttpClient http;
    private final String auditor;
    private final PrintStream out;

    BenchReplay(HttpClient http, String auditorToken, PrintStream out) {
        this.http = http;
        this.auditor = auditorToken;
        this.out = out;
    }

    /** {"log": ..., "replay": ..., "integrity": ...} */
    Map<String, Object> run(String superUrl, String user, String password, BenchScratchLog.Instance instance,
                            long entries, boolean regenerate) throws Exception {
        String owner = Files.exists(instance.secrets().resolve("audit_owner.password")) ? "audit_owner" : "audit";
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("database", BenchScratchLog.DATABASE);
        log.put("entries", entries);
        try (BenchScratchLog scratch = new BenchScratchLog(superUrl, user, password, out)) {
            boolean reused = scratch.prepare(entries, regenerate, owner, "audit");
            out.printf("  replay and integrity: %s log of %,d entries in database %s; starting audit-service on port %d%n",
                    reused ? "the generated" : "generating a", entries, BenchScratchLog.DATABASE, instance.port());
            long t0 = System.nanoTime();
            scratch.start(instance, owner, http); // its Flyway migration makes the schema of a new database
            log.put("instanceStartSeconds", (System.nanoTime() - t0) / 1e9);
            log.put("reused", reused);
            if (!reused) {
                Map<String, Object> generation = scratch.generate(entries);
                log.put("generation", generation);
                out.printf("  replay and integrity: generated and loaded in %s s%n", BenchJson.number((Double) generation.get("seconds")));
            }
            log.putAll(scratch.made());
            log.putAll(scratch.size());
            String base = "http://127.0.0.1:" + instance.port() + "/api/v1/audit";
            scratch.warm();
            post(base + "/rebuild"); // untimed: the timed one then clears a full projection, as any rebuild but the first

            double[] scan = BenchLiveLog.rawScan(superUrl, BenchScratchLog.DATABASE, user, password);
            out.printf("  replay and integrity: raw JDBC scan %s rows/s%n", BenchJson.number(scan[1]));

            t0 = System.nanoTime();
            Map<String, Object> rebuilt = post(base + "/rebuild");
            double rebuildSeconds = (System.nanoTime() - t0) / 1e9;
            long head = ((Number) rebuilt.get("head")).longValue();
            if (head != entries) { // the generated log is all there is: nothing may have been appended to it
                throw new IllegalStateException("the scratch log's head is " + head + ", not " + entries
                        + ": did the bench's audit-service consume from Kafka?");
            }
            out.printf("  replay and integrity: rebuild %.2f s%n", rebuildSeconds);

            // untimed: the verifier's code compiled by the JIT on a fifth of the log, as in a service that has run a while
            long warmTo = Math.max(1, entries / 5);
            t0 = System.nanoTime();
            get(base + "/integrity?toSequence=" + warmTo);
            double warmSeconds = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            Map<String, Object> verified = get(base + "/integrity");
            double integritySeconds = (System.nanoTime() - t0) / 1e9;
            out.printf("  replay and integrity: integrity %.2f s (verified %s)%n", integritySeconds, verified.get("verified"));

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("log", log);
            result.put("replay", replay(head, rebuildSeconds, scan, rebuilt.get("reportCases")));
            Map<String, Object> integrity = integrity(((Number) verified.get("entries")).longValue(), integritySeconds,
                    verified.get("verified"), verified.get("firstBrokenSequence"));
            integrity.put("warmUpEntries", warmTo);
            integrity.put("warmUpSeconds", warmSeconds);
            result.put("integrity", integrity);
            return result;
        }
    }

    static Map<String, Object> replay(long entries, double rebuildSeconds, double[] scan, Object reportCases) {
        Map<String, Object> m = new LinkedHashMap<>();
        Double rate = BenchPipeline.rate(entries, rebuildSeconds);
        m.put("eventsPerSecond", rate);
        m.put("rawScanRatio", rate == null || scan[1] <= 0 ? null : rate / scan[1]);
        m.put("logEntries", entries);
        m.put("rebuildSeconds", rebuildSeconds);
        m.put("reportCases", reportCases);
        m.put("rawScanRowsPerSecond", scan[1]);
        m.put("rawScanRows", (long) scan[0]);
        m.put("measuredAs", "audit-service's POST /api/v1/audit/rebuild (every projection, today report_case, folded"
                + " again from the log) on a scratch instance over the generated log, timed over HTTP; events/s = log"
                + " entries / seconds; raw = plain JDBC ordered scan of every column of the same audit_entries table");
        return m;
    }

    static Map<String, Object> integrity(long entries, double seconds, Object verified, Object firstBroken) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entriesPerSecond", BenchPipeline.rate(entries, seconds));
        m.put("logEntries", entries);
        m.put("seconds", seconds);
        m.put("verified", verified);
        m.put("firstBrokenSequence", firstBroken);
        m.put("measuredAs", "audit-service's GET /api/v1/audit/integrity (the whole chain re-hashed and linked) on a"
                + " scratch instance over the generated log, timed over HTTP, after an untimed warm-up on its first fifth");
        return m;
    }

    private Map<String, Object> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
    }

    private Map<String, Object> post(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), url);
    }

    private Map<String, Object> send(HttpRequest.Builder request, String url) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + auditor)
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JsonUtil.parseJson(response.body());
    }
}
