package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.TestDatabase;
import uk.mash.testsupport.TestInfrastructure;

/**
 * V3 moves the police notifications accepted before it from the force's scope to the sending
 * system's, so a system retrying such a notification after the upgrade still gets its first answer.
 * Run on a schema of its own, from V2 (as a deployed intake has it) to the newest.
 */
@QuarkusTest
class PoliceNotificationKeysMigrationIT {

    @Test
    void keysAcceptedBeforeTheUpgradeAnswerForTheSystemThatSentThem() throws Exception {
        TestDatabase db = TestInfrastructure.database();
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = db.connect()) {
            flyway(db, schema).target("2").load().migrate();
            c.setSchema(schema);
            key(c, FORCE + "NORTH_WALES_POLICE", "PPN-1", "nwp-niche");
            key(c, FORCE + "DYFED_POWYS_POLICE", "PPN-2", "dpp-athena");
            // one system once sent one notificationId for two forces: only the first can keep it
            key(c, FORCE + "NORTH_WALES_POLICE", "PPN-3", "nwp-niche");
            key(c, FORCE + "GWENT_POLICE", "PPN-3", "nwp-niche");
            key(c, "idempotency-key:dsl.jones", "a-key", "dsl.jones");

            flyway(db, schema).load().migrate();

            assertThat(scopes(c)).containsExactlyInAnyOrder(
                    "idempotency-key:dsl.jones a-key",
                    "police-notification:GWENT_POLICE PPN-3",
                    "police-notification:dpp-athena PPN-2",
                    "police-notification:nwp-niche PPN-1",
                    "police-notification:nwp-niche PPN-3");
        } finally {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDatabase db, String schema) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas(schema)
                .locations("classpath:db/migration");
    }

    /** How V1 scoped a police notification: by the force the body named. */
    private static final String FORCE = "police-notification:";

    private static int number;

    /** A report sent by {@code sentBy} and the key it was accepted under, in order of sending. */
    private static void key(Connection c, String scope, String key, String sentBy) throws Exception {
        UUID reportId = UUID.randomUUID();
        try (PreparedStatement report = c.prepareStatement("""
                INSERT INTO reports (report_id, reference, received_at, submitted_by_sub, submitted_by_agency, channel)
                VALUES (?, ?, now(), ?, 'POLICE', 'POLICE_NOTIFICATION')""");
             PreparedStatement submission = c.prepareStatement("""
                INSERT INTO submission_keys (scope, key, request_hash, report_id, created_at)
                VALUES (?, ?, 'hash', ?, now() + make_interval(secs => ?))""")) {
            report.setObject(1, reportId);
            report.setString(2, "MASH-2026-" + (900000 + ++number));
            report.setString(3, sentBy);
            report.executeUpdate();
            submission.setString(1, scope);
            submission.setString(2, key);
            submission.setObject(3, reportId);
            submission.setInt(4, number);
            submission.executeUpdate();
        }
    }

    private static List<String> scopes(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT scope || ' ' || key FROM submission_keys")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
