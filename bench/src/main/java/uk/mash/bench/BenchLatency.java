package uk.mash.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (up to 10 minutes, 3 significant digits), summarised in milliseconds. */
final class BenchLatency {

    private final Histogram histogram = new Histogram(600_000_000L, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile, in milliseconds; null with no samples. */
    Double percentileMs(double percentile) {
        return count() == 0 ? null : histogram.getValueAtPercentile(percentile) / 1000d;
    }

    Double maxMs() {
        return count() == 0 ? null : histogram.getMaxValue() / 1000d;
    }

    /** count, p50Ms, p99Ms, p999Ms, maxMs (nulls with no samples). */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count());
        m.put("p50Ms", percentileMs(50));
        m.put("p99Ms", percentileMs(99));
        m.put("p999Ms", percentileMs(99.9));
        m.put("maxMs", maxMs());
        return m;
    }
}
