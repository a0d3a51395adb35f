package uk.mash.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Where the tests' PostgreSQL comes from: an embedded server, a server named by the environment, or a container. */
final class TestPostgres implements AutoCloseable {

    private final AutoCloseable server;
    private final TestDatabase database;

    private TestPostgres(AutoCloseable server, TestDatabase database) {
        this.server = server;
        this.database = database;
    }

    TestDatabase database() {
        return database;
    }

    /** A real PostgreSQL 14 from Maven jars (zonky), data in a temporary directory. */
    static TestPostgres embedded() throws Exception {
        Path dir = Files.createTempDirectory("mash-test-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                .setServerConfig("fsync", "off")
                // On, whatever zonky's default: tests SIGKILL processes, never the machine, and
                // the OS cache survives that, so fsync may stay off. Without synchronous commit a
                // killed PostgreSQL loses transactions it already reported committed (their WAL
                // was still in its memory), and a test would see a 202's report vanish.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .start();
        String base = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
        return new TestPostgres(pg, createDatabase(base + "postgres", base, "postgres", ""));
    }

    /** The server at {@code MASH_TEST_DB_URL} (a superuser JDBC URL, user and password in the URL or env). */
    static TestPostgres external(String superuserUrl) throws Exception {
        String user = envOr("MASH_TEST_DB_USER", "postgres");
        String password = envOr("MASH_TEST_DB_PASSWORD", "");
        String base = superuserUrl.substring(0, superuserUrl.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(superuserUrl, user, password)) {
            c.isValid(2);
        }
        return new TestPostgres(() -> { }, createDatabase(superuserUrl, base, user, password));
    }

    static TestPostgres container() throws Exception {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:16-alpine");
        pg.start();
        String base = pg.getJdbcUrl().substring(0, pg.getJdbcUrl().lastIndexOf('/') + 1);
        return new TestPostgres(pg::stop, createDatabase(pg.getJdbcUrl(), base, pg.getUsername(), pg.getPassword()));
    }

    private static TestDatabase createDatabase(String adminUrl, String base, String user, String password)
            throws SQLException {
        String name = "mash_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(base + name, user, password);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
