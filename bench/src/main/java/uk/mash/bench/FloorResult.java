package uk.mash.bench;

import java.util.List;

/**
 * latest.json's {@code floor}: the physical work one report causes in the pipeline window (rows
 * changed in the service databases, records written to the mash.* topics), costed at this run's raw
 * baselines, against the time a report actually took. floorRatio 1 would be the stack doing nothing
 * but that work at the raw speed of this Kafka and this PostgreSQL; the old baselineRatio compares
 * a report with one row or one record, which a report is not.
 *
 * @param databases           the databases whose pg_stat_database rows were summed
 * @param rowsChanged         tup_inserted + tup_updated + tup_deleted, end minus start
 * @param kafkaRecords        end offsets of the mash.* topics, end minus start
 * @param floorMsPerReport    rowsPerReport / jdbcRowsPerSecond + recordsPerReport / kafkaRecordsPerSecond
 * @param actualMsPerReport   1 / the pipeline's reports a second
 * @param floorRatio          floorMsPerReport / actualMsPerReport
 * @param synchronousCommit   SHOW synchronous_commit on the measured server
 * @param fsync               SHOW fsync on the measured server
 * @param durabilityOverrides ALTER DATABASE/ROLE settings of either (none expected)
 * @param durable             both on and not overridden: the floor is that of durable commits
 */
record FloorResult(long reports, List<String> databases, long rowsChanged, Double rowsPerReport, long kafkaRecords,
                   Double recordsPerReport, double jdbcRowsPerSecond, double kafkaRecordsPerSecond,
                   Double floorMsPerReport, Double actualMsPerReport, Double floorRatio, String synchronousCommit,
                   String fsync, List<String> durabilityOverrides, boolean durable, String measuredAs) {

    static final String MEASURED_AS = "pg_stat_database and the topics' end offsets read with the stack idle"
            + " (11 s after the warm-up and after the pipeline drained, for PostgreSQL's statistics to be flushed),"
            + " per report intake accepted in the pipeline; costed at this run's baselines (JDBC batch inserts,"
            + " Kafka acks=all producer)";

    static FloorResult of(long reports, List<String> databases, FloorCounts start, FloorCounts end, Baselines baselines,
                          Double reportsPerSecond, String synchronousCommit, String fsync, List<String> overrides) {
        long rows = end.rowsChanged() - start.rowsChanged();
        long records = end.kafkaRecords() - start.kafkaRecords();
        Double rowsPerReport = reports > 0 ? (double) rows / reports : null;
        Double recordsPerReport = reports > 0 ? (double) records / reports : null;
        Double floorMs = floorMsPerReport(rowsPerReport, recordsPerReport, baselines.jdbcPerSecond(),
                baselines.kafkaPerSecond());
        Double actualMs = reportsPerSecond != null && reportsPerSecond > 0 ? 1000 / reportsPerSecond : null;
        Double ratio = floorMs != null && actualMs != null ? floorMs / actualMs : null;
        boolean durable = "on".equals(synchronousCommit) && "on".equals(fsync) && overrides.isEmpty();
        return new FloorResult(reports, databases, rows, rowsPerReport, records, recordsPerReport,
                baselines.jdbcPerSecond(), baselines.kafkaPerSecond(), floorMs, actualMs, ratio, synchronousCommit, fsync,
                overrides, durable, MEASURED_AS);
    }

    /** The milliseconds the raw baselines would need for one report's rows and records; null when unknown. */
    static Double floorMsPerReport(Double rowsPerReport, Double recordsPerReport, double jdbcPerSecond,
                                   double kafkaPerSecond) {
        if (rowsPerReport == null || recordsPerReport == null || jdbcPerSecond <= 0 || kafkaPerSecond <= 0) {
            return null;
        }
        return 1000 * (rowsPerReport / jdbcPerSecond + recordsPerReport / kafkaPerSecond);
    }

    /** The line to print when the server does not commit durably, null when it does. */
    String warning() {
        if (durable) {
            return null;
        }
        return "WARNING: the measured PostgreSQL has synchronous_commit=" + synchronousCommit + ", fsync=" + fsync
                + (durabilityOverrides.isEmpty() ? "" : ", overridden as " + durabilityOverrides)
                + ": its commits are not durable, so these figures are not those of the product";
    }
}
