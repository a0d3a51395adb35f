package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;

/** The database itself refuses to change the log: the service's own user by privilege, everyone by trigger. */
@QuarkusTest
class ImmutabilityIT {

    private static long anEntry() {
        UUID caseId = UUID.randomUUID();
        String id;
        try (Events events = new Events()) {
            id = events.send(caseId.toString(), EventTypes.RISK_RATED, Instant.now(), Events.rated(caseId, Rag.RED, Instant.now()));
        }
        return AuditLog.awaitSequences(id).get(0);
    }

    private static Connection connectAs(String user, String password) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, user, password);
    }

    @Test
    void theServicesOwnUserIsRefusedUpdateDeleteAndTruncate() throws Exception {
        long sequence = anEntry();
        String before = AuditLog.text("data", sequence);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        assertThat(user).isEqualTo(System.getProperty(AuditDatabaseRoles.RUNTIME)); // the app runs as this user
        try (Connection c = connectAs(user, System.getProperty(AuditDatabaseRoles.RUNTIME_PASSWORD));
             Statement s = c.createStatement()) {
            for (String sql : new String[] {
                    "UPDATE audit_entries SET data = '{}' WHERE sequence = " + sequence,
                    "DELETE FROM audit_entries WHERE sequence = " + sequence,
                    "TRUNCATE audit_entries"}) {
                assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(AuditLog.text("data", sequence)).isEqualTo(before);
    }

    @Test
    void evenTheTablesOwnerIsRefusedByTheTrigger() throws Exception {
        long sequence = anEntry();
        String before = AuditLog.text("data", sequence);
        try (Connection c = connectAs(System.getProperty(AuditDatabaseRoles.OWNER),
                System.getProperty(AuditDatabaseRoles.OWNER + "-password"));
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE audit_entries SET data = '{}' WHERE sequence = " + sequence))
                    .hasMessageContaining("append-only: UPDATE refused");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_entries WHERE sequence = " + sequence))
                    .hasMessageContaining("append-only: DELETE refused");
        }
        assertThat(AuditLog.text("data", sequence)).isEqualTo(before);
    }

    /**
     * A rebuild empties the projections and drops and makes the facts' indexes (V4) through two functions of the
     * owner: the service's own user may call them (here in a transaction it rolls back) but may not do any of it
     * directly, and no other user may call them.
     */
    @Test
    void theProjectionsAreEmptiedAndIndexedOnlyThroughTheOwnersFunctions() throws Exception {
        anEntry();
        long facts = AuditLog.count("SELECT count(*) FROM report_card_facts");
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        try (Connection c = connectAs(user, System.getProperty(AuditDatabaseRoles.RUNTIME_PASSWORD));
             Statement s = c.createStatement()) {
            for (String sql : new String[] {"TRUNCATE report_card_facts", "TRUNCATE report_case",
                    "DROP INDEX report_card_facts_case",
                    "CREATE INDEX report_card_facts_by_rag ON report_card_facts (rag)"}) {
                assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            c.setAutoCommit(false);
            s.execute("SELECT audit_projections_cleared()");
            try (var rs = s.executeQuery("SELECT count(*) FROM report_card_facts")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            s.execute("SELECT audit_projections_indexed()");
            c.rollback();
        }
        assertThat(AuditLog.count("SELECT count(*) FROM report_card_facts")).isEqualTo(facts);

        String stranger = "audit_stranger_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        String database = AuditDatabaseRoles.databaseName(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        AuditLog.asSuperuser("CREATE ROLE " + stranger + " LOGIN PASSWORD '" + password + "'",
                "GRANT CONNECT ON DATABASE " + database + " TO " + stranger);
        try (Connection c = connectAs(stranger, password); Statement s = c.createStatement()) {
            for (String function : new String[] {"audit_projections_cleared", "audit_projections_indexed"}) {
                assertThatThrownBy(() -> s.execute("SELECT " + function + "()")).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                        .hasMessageContaining("permission denied for function " + function);
            }
        } finally {
            AuditLog.asSuperuser("REVOKE CONNECT ON DATABASE " + database + " FROM " + stranger, "DROP ROLE " + stranger);
        }
        assertThat(AuditLog.count("SELECT count(*) FROM report_card_facts")).isEqualTo(facts);
    }
}
