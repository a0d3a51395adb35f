package uk.mash.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real PostgreSQL, with the same pg_hba.conf as {@code ./mash up}'s (passwords for service roles). */
class DatabaseBootstrapIT {

    @TempDir
    static Path dir;

    static EmbeddedPostgres pg;
    static String superuserUrl;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectoryCustomizer(d -> PostgresServer.writePgHba(d.toPath()))
                .start();
        superuserUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    String serviceUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + db;
    }

    @Test
    void aServiceWithASeparateOwnerGetsARuntimeRoleThatDoesNotOwnItsTables() throws Exception {
        Path secrets = dir.resolve("secrets-audit");
        bootstrap(secrets, List.of("audit"), List.of("audit"));
        String owner = Files.readString(secrets.resolve("audit_owner.password")).trim();
        String runtime = Files.readString(secrets.resolve("audit.password")).trim();

        try (Connection c = DriverManager.getConnection(serviceUrl("audit"), "audit_owner", owner);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE entries (n bigint)");
            s.execute("GRANT SELECT, INSERT ON entries TO audit");
        }
        try (Connection c = DriverManager.getConnection(serviceUrl("audit"), "audit", runtime);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO entries VALUES (1)");
            assertThatThrownBy(() -> s.execute("DELETE FROM entries")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            s.execute("GRANT DELETE ON entries TO audit"); // not the owner: PostgreSQL grants nothing (a warning)
            assertThatThrownBy(() -> s.execute("DELETE FROM entries")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void createsRoleAndDatabaseOnceAndTheServiceCanUseThem() throws Exception {
        Path secrets = dir.resolve("secrets");
        assertThat(bootstrap(secrets, List.of("intake", "screening"), List.of()))
                .contains("intake: role created, database created, password created")
                .contains("screening: role created, database created, password created");

        Path passwordFile = secrets.resolve("intake.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(secrets.resolve("screening.password")).trim()).isNotEqualTo(password);

        assertThat(bootstrap(secrets, List.of("intake", "screening"), List.of()))
                .contains("intake: role found (password re-set from file), database found, password reused")
                .doesNotContain("created");
        assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);

        try (Connection c = DriverManager.getConnection(serviceUrl("intake"), "intake", password);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE report (id uuid PRIMARY KEY, received_at timestamptz NOT NULL)");
            s.execute("INSERT INTO report VALUES (gen_random_uuid(), now())");
            try (ResultSet rs = s.executeQuery("SELECT count(*), current_user, current_database() FROM report")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("intake");
                assertThat(rs.getString(3)).isEqualTo("intake");
            }
        }
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'intake'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("intake");
        }

        assertThatThrownBy(() -> DriverManager.getConnection(serviceUrl("intake"), "intake", "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void setsTheRolePasswordBackToTheStoredOne() throws Exception {
        Path secrets = dir.resolve("secrets-reset");
        bootstrap(secrets, List.of("audit"), List.of());
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "")) {
            c.createStatement().execute("ALTER ROLE audit PASSWORD 'changed-behind-our-back'");
        }
        bootstrap(secrets, List.of("audit"), List.of());
        String password = Files.readString(secrets.resolve("audit.password")).trim();
        DriverManager.getConnection(serviceUrl("audit"), "audit", password).close();
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        Path secrets = dir.resolve("s");
        assertThatThrownBy(() -> bootstrap(secrets, List.of("intake; DROP DATABASE postgres"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match");
        assertThatThrownBy(() -> bootstrap(secrets, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one service");
        assertThatThrownBy(() -> DatabaseBootstrap.run("postgres://x", "postgres", null, secrets, List.of("intake"),
                List.of(), System.out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    /** Bootstraps as ./mash up does with the embedded server; returns what it said. */
    private String bootstrap(Path secrets, List<String> services, List<String> separateOwner) throws Exception {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        DatabaseBootstrap.run(superuserUrl, "postgres", null, secrets, services, separateOwner,
                new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        return said.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
