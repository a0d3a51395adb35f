package uk.mash.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bench asks the measured PostgreSQL, over a superuser connection: the rows its service
 * databases changed so far, whether it commits durably, and which process is its postmaster.
 */
final class PostgresStats {

    /**
     * How long to leave the server idle before reading {@link #rowsChanged}: since PostgreSQL 15 a
     * backend flushes its counts to pg_stat_database at most once a second while busy, and an idle
     * one only when a 10 s timer fires (PGSTAT_IDLE_INTERVAL), so counts read sooner can miss the
     * last rows of a phase, or carry over the previous phase's.
     */
    static final long SETTLE_MILLIS = 11_000;

    private PostgresStats() {
    }

    /** tup_inserted + tup_updated + tup_deleted of these databases, summed, so far. */
    static long rowsChanged(Connection c, List<String> databases) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(tup_inserted + tup_updated + tup_deleted), 0)"
                + " FROM pg_stat_database WHERE datname = ANY (?)")) {
            Array names = c.createArrayOf("text", databases.toArray());
            s.setArray(1, names);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** SHOW NAME: the server's value as this session sees it. */
    static String show(Connection c, String setting) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * ALTER DATABASE/ROLE ... SET synchronous_commit or fsync (fsync cannot be, but it is cheap to
     * look): a service's own sessions could commit less durably than SHOW in the bench's says.
     * Each as "database/role: setting=value", "*" for all.
     */
    static List<String> durabilityOverrides(Connection c) throws Exception {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(d.datname, '*'),"
                + " coalesce(ro.rolname, '*'), cfg FROM pg_db_role_setting x"
                + " LEFT JOIN pg_database d ON d.oid = x.setdatabase LEFT JOIN pg_roles ro ON ro.oid = x.setrole,"
                + " unnest(x.setconfig) cfg WHERE cfg LIKE 'synchronous_commit=%' OR cfg LIKE 'fsync=%'")) {
            while (r.next()) {
                found.add(r.getString(1) + "/" + r.getString(2) + ": " + r.getString(3));
            }
        }
        return found;
    }

    /**
     * The postmaster's pid when the server runs on this machine: the parent of this session's
     * backend, if /proc shows one named postgres (a server in a container or elsewhere: null, and
     * its CPU is not counted).
     */
    static Long postmasterPid(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            ProcStat backend = ProcStat.read(r.getLong(1));
            if (backend == null || !backend.name().startsWith("postgres")) {
                return null;
            }
            ProcStat parent = ProcStat.read(backend.ppid());
            boolean server = parent != null
                    && (parent.name().startsWith("postgres") || parent.name().startsWith("postmaster"));
            return server ? parent.pid() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
