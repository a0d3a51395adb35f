package uk.mash.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The latency phase's two measures, from what the bench noted: intake's 202 → the case event of
 * each report of a fixed-rate load, and each decision recorded → its case's first referral on a
 * queue topic.
 */
final class BenchLatencyPhase {

    /** Accepted → case over the reports that had one; {@code missing}: accepted reports whose case was never seen. */
    record CaseLatency(LatencySummary summary, long missing) {
    }

    /**
     * Decision → queue over the decisions whose referral was seen.
     *
     * @param missing         decisions whose referral was never seen
     * @param timedFromAnswer decisions whose event was not seen, timed from the 200 instead (later, so shorter)
     * @param recordedAt      caseId → when its decision was recorded (nanoTime), for the timeline
     */
    record QueueLatency(LatencySummary summary, long missing, long timedFromAnswer, Map<String, Long> recordedAt) {
    }

    private BenchLatencyPhase() {
    }

    /** Waits (at most a minute, or the drain timeout) for the load's cases, then times each. */
    static CaseLatency acceptedToCase(LoadResult load, BenchCaseWatcher watcher, int drainTimeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(drainTimeout, 60));
        while (watcher.countAndLatest(load.acceptedAt().keySet())[0] < load.acceptedAt().size()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        BenchLatency latency = new BenchLatency();
        long missing = 0;
        for (Map.Entry<String, Long> e : load.acceptedAt().entrySet()) {
            Long seen = watcher.caseSeenAt.get(e.getKey());
            if (seen == null) {
                missing++;
            } else {
                latency.recordNanos(seen - e.getValue());
            }
        }
        return new CaseLatency(latency.summary(), missing);
    }

    /** Waits (at most a minute) for every decided case's referral and decision event, then times each. */
    static QueueLatency decisionToQueue(DecisionsResult decisions, BenchCaseWatcher watcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && decisions.decidedAt().keySet().stream()
                .anyMatch(id -> !watcher.referralSeenAt.containsKey(id) || !watcher.decisionRecordedAt.containsKey(id))) {
            Thread.sleep(200);
        }
        Map<String, Long> recordedAt = new LinkedHashMap<>();
        long fromAnswer = 0;
        for (Map.Entry<String, Long> e : decisions.decidedAt().entrySet()) {
            Long recorded = watcher.decisionRecordedAt.get(e.getKey());
            if (recorded == null) {
                fromAnswer++;
            }
            recordedAt.put(e.getKey(), recorded == null ? e.getValue() : recorded);
        }
        BenchLatency latency = new BenchLatency();
        long missing = 0;
        for (Map.Entry<String, Long> e : recordedAt.entrySet()) {
            Long seen = watcher.referralSeenAt.get(e.getKey());
            if (seen == null) {
                missing++;
            } else {
                latency.recordNanos(seen - e.getValue());
            }
        }
        return new QueueLatency(latency.summary(), missing, fromAnswer, recordedAt);
    }
}
