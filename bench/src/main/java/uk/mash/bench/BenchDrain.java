package uk.mash.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

/**
 * After a load: waits until screening has a case for every accepted report and audit's log has
 * stopped growing (or the time is up), polling audit's head cheaply through its database.
 */
final class BenchDrain {

    private final BenchCaseWatcher watcher;
    private final Connection auditDb;
    private final PrintStream out;

    BenchDrain(BenchCaseWatcher watcher, Connection auditDb, PrintStream out) {
        this.watcher = watcher;
        this.auditDb = auditDb;
        this.out = out;
    }

    /** The pipeline's reports through: their cases, audit's entries (two a report), and the rates over the window. */
    PipelineDrain pipeline(LoadResult load, long auditBefore, int drainTimeout) throws Exception {
        long accepted = load.accepted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
        long lastAudit = auditBefore;
        long lastAuditChange = load.firstSendNanos();
        long[] cases = {0, 0};
        boolean done = false;
        long maxPollMs = 0;
        out.printf("  pipeline: waiting for screening and audit to catch up (at most %d s)%n", drainTimeout);
        while (System.nanoTime() < deadline) {
            watcher.check();
            cases = watcher.countAndLatest(load.acceptedAt().keySet());
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
        long first = load.firstSendNanos();
        BenchPipeline rates = new BenchPipeline(accepted, cases[0], auditReports,
                (load.lastAcceptedNanos() - first) / 1e9, cases[1] == 0 ? 0 : (cases[1] - first) / 1e9,
                (lastAuditChange - first) / 1e9);
        out.printf("  pipeline: %d accepted, %d cases opened, %d audit entries; %s%n", accepted, cases[0], auditDelta,
                done ? "all through" : "NOT all through within " + drainTimeout + " s");
        return new PipelineDrain(cases[0], auditDelta, done, maxPollMs, rates);
    }

    /** Until every report of the load has its case and audit's log has stopped growing (the warm-up's). */
    void quiet(LoadResult load, int drainTimeout) throws Exception {
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
            boolean cases = watcher.countAndLatest(load.acceptedAt().keySet())[0] >= load.accepted();
            if (cases && System.nanoTime() - steadySince > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Thread.sleep(500);
        }
        out.printf("  warm-up: not all through within %d s; measuring anyway%n", drainTimeout);
    }
}
