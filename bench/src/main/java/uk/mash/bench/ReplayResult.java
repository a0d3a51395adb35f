package uk.mash.bench;

/**
 * latest.json's {@code replay}: audit-service's rebuild of every projection from the generated log,
 * against a raw JDBC scan of the same table. rawScanRatio = replay rate / raw scan rate.
 *
 * @param reportCases what the rebuild answered it folded (report → case links)
 */
record ReplayResult(Double eventsPerSecond, Double rawScanRatio, long logEntries, double rebuildSeconds,
                    Long reportCases, double rawScanRowsPerSecond, long rawScanRows, String measuredAs) {

    static final String MEASURED_AS = "audit-service's POST /api/v1/audit/rebuild (every projection: report_case and"
            + " the report card's facts, folded again from the log) on a scratch instance over the generated log, timed over HTTP; events/s = log"
            + " entries / seconds; raw = plain JDBC ordered scan of every column of the same audit_entries table";

    static ReplayResult of(long entries, double rebuildSeconds, RawScan scan, Long reportCases) {
        Double rate = BenchPipeline.rate(entries, rebuildSeconds);
        return new ReplayResult(rate, rate == null || scan.rowsPerSecond() <= 0 ? null : rate / scan.rowsPerSecond(),
                entries, rebuildSeconds, reportCases, scan.rowsPerSecond(), scan.rows(), MEASURED_AS);
    }

    /** Nothing replayed (--log-entries 0): every figure zero or null. */
    static ReplayResult skipped() {
        return of(0, 0, new RawScan(0, 0), null);
    }
}
