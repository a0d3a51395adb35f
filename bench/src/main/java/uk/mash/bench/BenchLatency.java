package uk.mash.bench;

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

    LatencySummary summary() {
        return new LatencySummary(count(), percentileMs(50), percentileMs(99), percentileMs(99.9), maxMs());
    }
}
