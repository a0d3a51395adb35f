package uk.mash.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One hop of decision → queue over the latency phase's decisions, in milliseconds. A hop between
 * two clocks' readings of one machine can come out slightly negative (a Kafka timestamp is a whole
 * millisecond, a ce_time is finer), so the values are kept as they are, not floored at 0.
 */
record HopSummary(String hop, String from, String to, long samples, Double p50Ms, Double p99Ms, Double maxMs) {

    static HopSummary of(String hop, String from, String to, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return new HopSummary(hop, from, to, sorted.size(), percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it; null when empty. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
