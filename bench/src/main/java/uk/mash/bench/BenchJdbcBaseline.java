package uk.mash.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The raw PostgreSQL baseline, in the scratch database {@code mash_bench} on the same server (made
 * if missing, as the superuser): plain JDBC batch inserts, 100 rows a batch and a commit per batch,
 * of rows like intake's (id, reference, received time, the report body), for a while.
 * Result: rows committed per second.
 */
final class BenchJdbcBaseline {

    static final String DATABASE = "mash_bench";
    static final int BATCH = 100;

    private BenchJdbcBaseline() {
    }

    /** The scratch database's URL beside the superuser's (same host and port, other database). */
    static String scratchUrl(String superUrl) {
        return databaseUrl(superUrl, DATABASE);
    }

    /** Another database on the superuser URL's server, with the same query parameters. */
    static String databaseUrl(String superUrl, String database) {
        int slash = superUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = superUrl.indexOf('?', Math.max(slash, 0));
        String base = slash < 0 ? superUrl : superUrl.substring(0, slash);
        String params = query < 0 ? "" : superUrl.substring(query);
        return base + "/" + database + params;
    }

    static Connection connect(String url, String user, String password) throws Exception {
        Properties p = new Properties();
        p.put("user", user);
        if (password != null) {
            p.put("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    static void ensureDatabase(String superUrl, String user, String password) throws Exception {
        try (Connection c = connect(superUrl, user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!r.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    static double run(String superUrl, String user, String password, BenchReports reports, int seconds)
            throws Exception {
        ensureDatabase(superUrl, user, password);
        try (Connection c = connect(scratchUrl(superUrl), user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_reports (id uuid PRIMARY KEY, reference text NOT NULL, "
                        + "received_at timestamptz NOT NULL, body text NOT NULL)");
                s.execute("TRUNCATE bench_reports");
            }
            c.setAutoCommit(false);
            String[] bodies = new String[1000];
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = new String(reports.body(i), StandardCharsets.UTF_8);
            }
            long rows = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_reports (id, reference, received_at, body) VALUES (?, ?, ?, ?)")) {
                while (System.nanoTime() < end) {
                    for (int b = 0; b < BATCH; b++, rows++) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, String.format("MASH-2026-%06d", rows % 1_000_000));
                        insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                        insert.setString(4, bodies[(int) (rows % bodies.length)]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE bench_reports");
            }
            c.commit();
            return rows / elapsed;
        }
    }
}
