package uk.mash.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One bench phase second by second, worked out after it from the nanoTimes the bench noted: the
 * reports accepted and the cases opened in each second, the accepted → case latency of the reports
 * accepted in each second, and the decision → queue latency of the decisions recorded in each
 * second. Seconds count from the run's origin (the pipeline's first send), so that all phases share
 * one time axis; a phase's series begin at its first second and run to the last second anything of
 * its own happened in. A latency of a second without samples is null; one below zero (the case
 * event read before intake's 202) counts as zero, as in {@link BenchLatency}.
 *
 * @param phase                 "pipeline", "latency"
 * @param startSecond           when the phase began (its first send), in seconds since the origin
 * @param fromSecond            the second of each series' first value
 * @param reportsAccepted       reports whose 202 arrived in each second
 * @param casesOpened           of those reports, cases seen opened (or linked) in each second
 * @param acceptedToCaseP50Ms   by the second the report was accepted
 * @param acceptedToCaseP99Ms   by the second the report was accepted
 * @param decisionToQueueP50Ms  by the second the decision was recorded
 * @param decisionToQueueP99Ms  by the second the decision was recorded
 */
record BenchTimeline(String phase, double startSecond, int fromSecond, List<Long> reportsAccepted,
                     List<Long> casesOpened, List<Double> acceptedToCaseP50Ms, List<Double> acceptedToCaseP99Ms,
                     List<Double> decisionToQueueP50Ms, List<Double> decisionToQueueP99Ms) {

    private static final long SECOND = 1_000_000_000L;

    /**
     * @param originNanos     the run's second 0
     * @param startNanos      the phase's first send
     * @param acceptedAt      the phase's reports: reportId → nanoTime accepted
     * @param caseSeenAt      reportId → nanoTime its case was seen (other phases' reports are ignored)
     * @param decidedAt       the phase's decisions: caseId → nanoTime recorded (empty for none)
     * @param referralSeenAt  caseId → nanoTime its referral was seen on a queue topic
     */
    static BenchTimeline of(String phase, long originNanos, long startNanos, Map<String, Long> acceptedAt,
                            Map<String, Long> caseSeenAt, Map<String, Long> decidedAt,
                            Map<String, Long> referralSeenAt) {
        Map<Integer, Long> accepted = new HashMap<>();
        Map<Integer, Long> opened = new HashMap<>();
        Map<Integer, List<Long>> toCase = new HashMap<>();
        Map<Integer, List<Long>> toQueue = new HashMap<>();
        int first = second(originNanos, startNanos);
        int last = first;
        for (Map.Entry<String, Long> e : acceptedAt.entrySet()) {
            int s = second(originNanos, e.getValue());
            accepted.merge(s, 1L, Long::sum);
            first = Math.min(first, s);
            last = Math.max(last, s);
            Long seen = caseSeenAt.get(e.getKey());
            if (seen != null) {
                int o = second(originNanos, seen);
                opened.merge(o, 1L, Long::sum);
                first = Math.min(first, o);
                last = Math.max(last, o);
                toCase.computeIfAbsent(s, k -> new ArrayList<>()).add(Math.max(0, seen - e.getValue()));
            }
        }
        for (Map.Entry<String, Long> e : decidedAt.entrySet()) {
            int s = second(originNanos, e.getValue());
            first = Math.min(first, s);
            last = Math.max(last, s);
            Long seen = referralSeenAt.get(e.getKey());
            if (seen != null) {
                toQueue.computeIfAbsent(s, k -> new ArrayList<>()).add(Math.max(0, seen - e.getValue()));
            }
        }
        int from = first;
        int length = last - first + 1;
        return new BenchTimeline(phase, (startNanos - originNanos) / 1e9, from, counts(accepted, from, length),
                counts(opened, from, length), percentiles(toCase, from, length, 50),
                percentiles(toCase, from, length, 99), percentiles(toQueue, from, length, 50),
                percentiles(toQueue, from, length, 99));
    }

    /** This phase's series as latest.json's {@code timeline} holds them: a latency series with no samples is null. */
    TimelineResult.PhaseSeries series() {
        return new TimelineResult.PhaseSeries(startSecond, fromSecond, reportsAccepted, casesOpened,
                orNull(acceptedToCaseP50Ms), orNull(acceptedToCaseP99Ms), orNull(decisionToQueueP50Ms),
                orNull(decisionToQueueP99Ms));
    }

    /** Nearest rank: the least sample with at least {@code percent} % of the samples at or below it. */
    static double percentileMs(long[] sortedNanos, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    private static int second(long originNanos, long nanos) {
        return (int) Math.floorDiv(nanos - originNanos, SECOND);
    }

    private static List<Long> counts(Map<Integer, Long> bySecond, int from, int length) {
        Long[] values = new Long[length];
        for (int i = 0; i < length; i++) {
            values[i] = bySecond.getOrDefault(from + i, 0L);
        }
        return List.of(values);
    }

    private static List<Double> percentiles(Map<Integer, List<Long>> bySecond, int from, int length, double percent) {
        Double[] values = new Double[length];
        bySecond.forEach((s, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            values[s - from] = percentileMs(sorted, percent);
        });
        return Collections.unmodifiableList(Arrays.asList(values)); // List.of refuses the nulls
    }

    private static List<Double> orNull(List<Double> series) {
        return series.stream().anyMatch(Objects::nonNull) ? series : null;
    }
}
