package uk.mash.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Where the tests' PostgreSQL comes from: an embedded server, a server named by the environment, or a container. */
final class TestPostgres implements AutoCloseable {

    private AutoCloseable server;
    private final TestDatabase database;
    /** The embedded server's data directory and port, to kill and start it again; null for the others. */
    private final Path dataDirectory;
    private final int port;

    private TestPostgres(AutoCloseable server, TestDatabase database) {
        this(server, database, null, 0);
    }

    private TestPostgres(AutoCloseable server, TestDatabase database, Path dataDirectory, int port) {
        this.server = server;
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    TestDatabase database() {
        return database;
    }

    /** A real PostgreSQL 14 from Maven jars (zonky), data in a temporary directory. */
    static TestPostgres embedded() throws Exception {
        TestLane.refuseInFastLane("an embedded PostgreSQL");
        Path dir = Files.createTempDirectory("mash-test-pg");
        EmbeddedPostgres pg = embedded(dir, 0).start();
        int port = pg.getPort();
        String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
        return new TestPostgres(pg, createDatabase(base + "postgres", base, "postgres", ""), dir, port);
    }

    private static EmbeddedPostgres.Builder embedded(Path dir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                // synchronous_commit stays on (zonky turns it off unless told): with it off, a killed
                // postgres loses transactions it had already reported committed. fsync may stay off:
                // tests kill processes, not machines, and the OS keeps what was written.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200");
        return port == 0 ? builder : builder.setPort(port);
    }

    /** SIGKILL to the postmaster and every backend: no checkpoint, no clean shutdown. */
    synchronized void kill() throws Exception {
        requireEmbedded();
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("data/postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        try {
            server.close(); // releases zonky's lock on the data directory; the stop itself fails quietly
        } catch (Exception alreadyGone) {
            // nothing was running to stop
        }
    }

    /** Starts the killed server again; it replays its WAL, as after a crash. */
    synchronized void restart() throws Exception {
        requireEmbedded();
        server = embedded(dataDirectory, port).start();
    }

    private void requireEmbedded() {
        if (dataDirectory == null) {
            throw new UnsupportedOperationException("Only the embedded test PostgreSQL can be killed and restarted");
        }
    }

    /** The server at {@code MASH_TEST_DB_URL} (a superuser JDBC URL, user and password in the URL or env). */
    static TestPostgres external(String superuserUrl) throws Exception {
        TestLane.refuseInFastLane("the PostgreSQL at MASH_TEST_DB_URL");
        String user = envOr("MASH_TEST_DB_USER", "postgres");
        String password = envOr("MASH_TEST_DB_PASSWORD", "");
        String base = superuserUrl.substring(0, superuserUrl.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(superuserUrl, user, password)) {
            c.isValid(2);
        }
        return new TestPostgres(() -> { }, createDatabase(superuserUrl, base, user, password));
    }

    static TestPostgres container() throws Exception {
        TestLane.refuseInFastLane("a PostgreSQL container");
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
        if (dataDirectory != null) {
            try (var paths = Files.walk(dataDirectory)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
