package uk.mash.bench;

/** A latency distribution in milliseconds; the percentiles and max are null with no samples. */
record LatencySummary(long count, Double p50Ms, Double p99Ms, Double p999Ms, Double maxMs) {
}
