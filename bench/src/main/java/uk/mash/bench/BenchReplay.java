package uk.mash.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Phases 3 and 4 of issue 7 (replay and integrity) on a generated log of at least a million entries
 * ({@link BenchScratchLog}): audit-service's own {@code POST /api/v1/audit/rebuild} (every projection
 * folded again from the log) and {@code GET /api/v1/audit/integrity} (the whole chain verified),
 * each timed end to end over HTTP on a scratch instance of the service, and in the same run a raw
 * ordered scan of the same table by plain JDBC. rawScanRatio = replay rate / raw scan rate.
 */
final class BenchReplay {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private final BenchHttp api;
    private final String auditor;
    private final PrintStream out;

    BenchReplay(HttpClient http, String auditorToken, PrintStream out) {
        this.api = new BenchHttp(http);
        this.auditor = auditorToken;
        this.out = out;
    }

    ReplayRun run(String superUrl, String user, String password, BenchScratchLog.Instance instance, long entries,
                  boolean regenerate) throws Exception {
        String owner = Files.exists(instance.secrets().resolve("audit_owner.password")) ? "audit_owner" : "audit";
        try (BenchScratchLog scratch = new BenchScratchLog(superUrl, user, password, out)) {
            boolean reused = scratch.prepare(entries, regenerate, owner, "audit");
            out.printf("  replay and integrity: %s log of %,d entries in database %s; starting audit-service on port %d%n",
                    reused ? "the generated" : "generating a", entries, BenchScratchLog.DATABASE, instance.port());
            long t0 = System.nanoTime();
            scratch.start(instance, owner); // its Flyway migration makes the schema of a new database
            double instanceStartSeconds = (System.nanoTime() - t0) / 1e9;
            LogGeneration generation = null;
            if (!reused) {
                generation = scratch.generate(entries);
                out.printf("  replay and integrity: generated and loaded in %s s%n", BenchJson.number(generation.seconds()));
            }
            BenchScratchLog.Made made = scratch.made();
            BenchScratchLog.Size size = scratch.size();
            ScratchLogResult log = new ScratchLogResult(BenchScratchLog.DATABASE, entries, instanceStartSeconds, reused,
                    generation, made.madeAt(), made.generationSeconds(), size.tableMb(), size.indexesMb(),
                    size.averageRowBytes());
            String base = "http://127.0.0.1:" + instance.port() + "/api/v1/audit";
            scratch.warm();
            api.post(base + "/rebuild", auditor, TIMEOUT); // untimed: the timed one then clears a full projection, as any rebuild but the first

            RawScan scan = BenchLiveLog.rawScan(superUrl, BenchScratchLog.DATABASE, user, password);
            out.printf("  replay and integrity: raw JDBC scan %s rows/s%n", BenchJson.number(scan.rowsPerSecond()));

            t0 = System.nanoTime();
            JsonNode rebuilt = api.post(base + "/rebuild", auditor, TIMEOUT);
            double rebuildSeconds = (System.nanoTime() - t0) / 1e9;
            long head = rebuilt.path("head").asLong();
            if (head != entries) { // the generated log is all there is: nothing may have been appended to it
                throw new IllegalStateException("the scratch log's head is " + head + ", not " + entries
                        + ": did the bench's audit-service consume from Kafka?");
            }
            out.printf("  replay and integrity: rebuild %.2f s%n", rebuildSeconds);

            // untimed: the verifier's code compiled by the JIT on a fifth of the log, as in a service that has run a while
            long warmTo = Math.max(1, entries / 5);
            t0 = System.nanoTime();
            api.get(base + "/integrity?toSequence=" + warmTo, auditor, TIMEOUT);
            double warmSeconds = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            JsonNode verified = api.get(base + "/integrity", auditor, TIMEOUT);
            double integritySeconds = (System.nanoTime() - t0) / 1e9;
            out.printf("  replay and integrity: integrity %.2f s (verified %s)%n", integritySeconds, verified.path("verified"));

            return new ReplayRun(log, ReplayResult.of(head, rebuildSeconds, scan, longOrNull(rebuilt.get("reportCases"))),
                    IntegrityResult.of(verified.path("entries").asLong(), integritySeconds,
                            verified.hasNonNull("verified") ? verified.get("verified").asBoolean() : null,
                            longOrNull(verified.get("firstBrokenSequence")), warmTo, warmSeconds));
        }
    }

    private static Long longOrNull(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }
}
