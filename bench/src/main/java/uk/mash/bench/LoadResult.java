package uk.mash.bench;

import java.util.Map;

/**
 * What one load ({@link BenchLoad}) did: counts, intake's answers by HTTP status, and when each
 * accepted report's 202 arrived (this JVM's nanoTime), for the phases measured from it.
 *
 * @param acceptedAt        reportId → nanoTime its 202 arrived
 * @param firstSendNanos    when the load began
 * @param lastAcceptedNanos when the last 202 arrived (0 if none)
 * @param seconds           how long it sent for
 * @param firstError        the first failure, for the progress output (null if none)
 */
record LoadResult(long sent, long accepted, long failed, Map<Integer, Long> statuses, Map<String, Long> acceptedAt,
                  long firstSendNanos, long lastAcceptedNanos, int seconds, String firstError) {

    double offeredPerSecond() {
        return sent / (double) seconds;
    }
}
