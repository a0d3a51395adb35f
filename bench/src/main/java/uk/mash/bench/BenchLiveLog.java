package uk.mash.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * audit's log seen from outside: its head while the pipeline drains, and the raw baseline of the
 * replay bench, a sequential scan of an {@code audit_entries} table by plain JDBC.
 */
final class BenchLiveLog {

    private BenchLiveLog() {
    }

    /** Audit's database, as the superuser: for cheap polls of the log's head while the pipeline drains. */
    static Connection auditDatabase(String superUrl, String database, String user, String password) throws Exception {
        return BenchJdbcBaseline.connect(BenchJdbcBaseline.databaseUrl(superUrl, database), user, password);
    }

    /** The log's head sequence, which is its number of entries (the sequence is gapless from 1). */
    static long head(Connection audit) throws Exception {
        try (Statement s = audit.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(sequence), 0) FROM audit_entries")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Rows per second of a full ordered scan of audit_entries in {@code database} by plain JDBC, as the
     * superuser: every column of every row read as text, in sequence order.
     */
    static RawScan rawScan(String superUrl, String database, String user, String password) throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(BenchJdbcBaseline.databaseUrl(superUrl, database), user, password)) {
            c.setAutoCommit(false); // a cursor, not the whole table in memory
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5_000);
                long start = System.nanoTime();
                long rows = 0;
                long chars = 0;
                try (ResultSet r = s.executeQuery("SELECT " + BenchScratchLog.COLUMNS
                        + " FROM audit_entries ORDER BY sequence")) {
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
                return new RawScan(rows, chars > 0 && seconds > 0 ? rows / seconds : 0);
            }
        }
    }
}
