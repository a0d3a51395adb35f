package uk.mash.local;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay and integrity speed on audit's live log (what the pipeline and latency runs left in it):
 * audit's own {@code POST /api/v1/audit/rebuild} (folds its projections again from the log) and
 * {@code GET /api/v1/audit/integrity} (verifies the whole hash chain), each timed end to end over
 * HTTP, and a raw sequential scan of the same {@code audit_entries} table by plain JDBC, as the
 * superuser, reading every column of every row in sequence order.
 */
final class BenchLiveLog {

    private BenchLiveLog() {
    }

    /** Audit's database, as the superuser: for cheap polls of the log's head while the pipeline drains. */
    static Connection auditDatabase(String superUrl, String user, String password) throws Exception {
        return BenchJdbcBaseline.connect(BenchJdbcBaseline.databaseUrl(superUrl, "audit"), user, password);
    }

    /** The log's head sequence, which is its number of entries (the sequence is gapless from 1). */
    static long head(Connection audit) throws Exception {
        try (Statement s = audit.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(sequence), 0) FROM audit_entries")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rows per second of a full ordered scan of audit_entries in database {@code audit}; [rows, rate]. */
    static double[] rawScan(String superUrl, String user, String password) throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(BenchJdbcBaseline.databaseUrl(superUrl, "audit"), user, password)) {
            c.setAutoCommit(false); // a cursor, not the whole table in memory
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5_000);
                long start = System.nanoTime();
                long rows = 0;
                long chars = 0;
                try (ResultSet r = s.executeQuery("SELECT sequence, event_id, type, source, case_id, occurred_at, "
                        + "recorded_at, actor_sub, actor_agency, data, previous_hash, hash FROM audit_entries ORDER BY sequence")) {
                    while (r.next()) {
                        for (int i = 1; i <= 12; i++) {
                            String v = r.getString(i);
                            chars += v == null ? 0 : v.length();
                        }
                        rows++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                c.commit();
                return new double[] {rows, chars > 0 && seconds > 0 ? rows / seconds : 0};
            }
        }
    }

    static Map<String, Object> replay(long entries, double rebuildSeconds, double[] scan) {
        Map<String, Object> m = new LinkedHashMap<>();
        Double rate = BenchPipeline.rate(entries, rebuildSeconds);
        m.put("eventsPerSecond", rate);
        m.put("rawScanRatio", rate == null || scan[1] <= 0 ? null : rate / scan[1]);
        m.put("logEntries", entries);
        m.put("rebuildSeconds", rebuildSeconds);
        m.put("rawScanRowsPerSecond", scan[1]);
        m.put("rawScanRows", (long) scan[0]);
        m.put("measuredAs", "audit's POST /api/v1/audit/rebuild (report_case folded again) on its live log, timed over"
                + " HTTP; raw = plain JDBC ordered scan of every column of the same audit_entries table");
        m.put("note", "the live log of this run, not a generated log of 1 million entries (not built in this version)");
        return m;
    }

    static Map<String, Object> integrity(long entries, double seconds, Object verified) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entriesPerSecond", BenchPipeline.rate(entries, seconds));
        m.put("entries", entries);
        m.put("seconds", seconds);
        m.put("verified", verified);
        m.put("measuredAs", "audit's GET /api/v1/audit/integrity (whole chain) on its live log, timed over HTTP");
        m.put("note", "the live log of this run, not a generated log of 1 million entries (not built in this version)");
        return m;
    }
}
