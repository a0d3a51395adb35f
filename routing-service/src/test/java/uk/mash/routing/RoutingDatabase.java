package uk.mash.routing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.mash.testsupport.TestInfrastructure;

/** Reads routing's tables directly: what was routed, and what waits in the outbox to be published. */
public final class RoutingDatabase {

    private RoutingDatabase() {
    }

    public static long count(String sql, Object... params) {
        return Long.parseLong(strings(sql, params).get(0));
    }

    public static List<String> strings(String sql, Object... params) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until routing has consumed the decision (its transaction, referrals and outbox entries included, committed). */
    public static void awaitDecision(UUID decisionId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM decisions WHERE decision_id = ?", decisionId) == 1);
    }

    /** The topics routing queued referrals of this case for (the outbox is the only way out of routing). */
    public static List<String> routedTopics(UUID caseId) {
        return strings("SELECT topic FROM outbox WHERE message_key = ? AND type = 'mash.referral.routed.v1' "
                + "ORDER BY topic", caseId.toString());
    }
}
