package uk.mash.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real PostgreSQL, with the same pg_hba.conf as {@code ./mash up}'s (passwords for service roles). */
class BootstrapCommandTest {

    @TempDir
    static Path dir;

    static EmbeddedPostgres pg;
    static String superuserUrl;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectoryCustomizer(d -> PostgresCommand.writePgHba(d.toPath()))
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
        Run run = Run.of("bootstrap", "--url", superuserUrl, "--user", "postgres", "--secrets", secrets.toString(),
                "--service", "audit", "--separate-owner", "audit");
        assertThat(run.exit()).as(run.err()).isZero();
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
        Run first = Run.of("bootstrap", "--url", superuserUrl, "--user", "postgres",
                "--secrets", secrets.toString(), "--service", "intake", "screening");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("intake: role created, database created, password created")
                .contains("screening: role created, database created, password created");

        Path passwordFile = secrets.resolve("intake.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(secrets.resolve("screening.password")).trim()).isNotEqualTo(password);

        Run second = Run.of("bootstrap", "--url", superuserUrl, "--user", "postgres",
                "--secrets", secrets.toString(), "--service", "intake", "--service", "screening");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out())
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
        assertThat(Run.of("bootstrap", "--url", superuserUrl, "--user", "postgres",
                "--secrets", secrets.toString(), "--service", "audit").exit()).isZero();
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "")) {
            c.createStatement().execute("ALTER ROLE audit PASSWORD 'changed-behind-our-back'");
        }
        assertThat(Run.of("bootstrap", "--url", superuserUrl, "--user", "postgres",
                "--secrets", secrets.toString(), "--service", "audit").exit()).isZero();
        String password = Files.readString(secrets.resolve("audit.password")).trim();
        DriverManager.getConnection(serviceUrl("audit"), "audit", password).close();
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        Run run = Run.of("bootstrap", "--url", superuserUrl, "--secrets", dir.resolve("s").toString(),
                "--service", "intake; DROP DATABASE postgres");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(Run.of("bootstrap", "--url", superuserUrl, "--secrets", dir.resolve("s").toString()).exit()).isEqualTo(2);
        assertThat(Run.of("bootstrap", "--url", "postgres://x", "--secrets", dir.resolve("s").toString(),
                "--service", "intake").exit()).isEqualTo(2);
    }
}
