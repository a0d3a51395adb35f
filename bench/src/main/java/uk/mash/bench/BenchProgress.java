package uk.mash.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a load with a progress line: rewritten every second on a console, one line every 5 s
 * otherwise (a log file, e2e's smoke run); then the load's counts.
 */
final class BenchProgress {

    private final PrintStream out;

    BenchProgress(PrintStream out) {
        this.out = out;
    }

    LoadResult run(String phase, BenchLoad load, double rate, BenchCaseWatcher watcher, int seconds) throws Exception {
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
        LoadResult result;
        try {
            result = load.run(rate, seconds);
        } finally {
            progress.shutdownNow();
            progress.awaitTermination(2, TimeUnit.SECONDS);
            if (console) {
                out.println();
            }
        }
        out.printf("  %s: sent %d, accepted %d, failed %d%s%n", phase, result.sent(), result.accepted(), result.failed(),
                result.firstError() == null ? "" : " (first failure: " + shorten(result.firstError()) + ")");
        return result;
    }

    static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
