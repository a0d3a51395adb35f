package uk.mash.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * latest.json's {@code integrity}: audit-service's check of the whole generated chain.
 *
 * @param warmUpEntries the untimed check before it, on the log's first fifth (absent when skipped)
 */
record IntegrityResult(Double entriesPerSecond, long logEntries, double seconds, Boolean verified,
                       Long firstBrokenSequence, String measuredAs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long warmUpEntries,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double warmUpSeconds) {

    static final String MEASURED_AS = "audit-service's GET /api/v1/audit/integrity (the whole chain re-hashed and linked)"
            + " on a scratch instance over the generated log, timed over HTTP, after an untimed warm-up on its first fifth";

    static IntegrityResult of(long entries, double seconds, Boolean verified, Long firstBroken, long warmUpEntries,
                              double warmUpSeconds) {
        return new IntegrityResult(BenchPipeline.rate(entries, seconds), entries, seconds, verified, firstBroken,
                MEASURED_AS, warmUpEntries, warmUpSeconds);
    }

    /** Nothing checked (--log-entries 0). */
    static IntegrityResult skipped() {
        return new IntegrityResult(null, 0, 0, null, null, MEASURED_AS, null, null);
    }
}
