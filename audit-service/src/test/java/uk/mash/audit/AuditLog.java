package uk.mash.audit;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import uk.mash.testsupport.TestInfrastructure;

/** The log's table read, and tampered with, as a database superuser: the insider of the tamper tests. */
final class AuditLog {

    private AuditLog() {
    }

    /** Waits until every event id is in the log, and returns their sequences in the order given. */
    static List<Long> awaitSequences(String... eventIds) {
        List<Long> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            for (String id : eventIds) {
                Long s = sequenceOf(id);
                if (s == null) {
                    return false;
                }
                found.add(s);
            }
            return true;
        });
        return found;
    }

    static Long sequenceOf(String eventId) {
        List<Object> row = row("SELECT sequence FROM audit_entries WHERE event_id = ?", eventId);
        return row == null ? null : ((Number) row.get(0)).longValue();
    }

    static long count(String sql, Object... params) {
        return ((Number) row(sql, params).get(0)).longValue();
    }

    static List<Object> row(String sql, Object... params) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getObject(i));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements as a superuser with every trigger off: what an insider with database access can do. */
    static void asInsiderAll(String... statements) {
        try (Connection c = TestInfrastructure.database().connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Statements as a database superuser, each committed (schema changes a test makes and undoes). */
    static void asSuperuser(String... statements) {
        try (Connection c = TestInfrastructure.database().connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    /** One statement with parameters, as the insider (triggers off). */
    static void asInsider(String sql, Object... params) {
        try (Connection c = TestInfrastructure.database().connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.execute();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until nothing more is being appended (earlier tests' reads may still be arriving). */
    static void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long head = count("SELECT coalesce(max(sequence), 0) FROM audit_entries");
            boolean quiet = head == last[0];
            last[0] = head;
            return quiet;
        });
    }

    static String text(String column, long sequence) {
        List<Object> row = row("SELECT " + column + " FROM audit_entries WHERE sequence = ?", sequence);
        return row == null ? null : row.get(0).toString();
    }
}
