package uk.mash.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import uk.mash.testsupport.TestInfrastructure;

/** Reads intake's tables directly, to show what was (and was not) stored. */
public final class IntakeDatabase {

    private IntakeDatabase() {
    }

    public static long count(String sql, Object... params) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements as the tests' database user (which may make triggers): to make the database refuse something. */
    public static void execute(String... statements) {
        try (Connection c = TestInfrastructure.database().connect()) {
            for (String sql : statements) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in reports and outbox together: unchanged means nothing was stored or queued for publication. */
    public static long storedRows() {
        return count("SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM outbox)");
    }
}
