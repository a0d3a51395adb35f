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
}
