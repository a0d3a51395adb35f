package uk.mash.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL of a test's own for the bench's scratch logs, with audit-service's runtime role
 * ({@code audit}) made, as {@code ./mash up} makes it, and audit's own migrations to load.
 */
final class ScratchPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    /** The superuser's address (user postgres, no password). */
    final String superUrl;

    private ScratchPostgres(EmbeddedPostgres server) throws SQLException {
        this.server = server;
        this.superUrl = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(superUrl, "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE audit LOGIN");
        }
    }

    static ScratchPostgres start(Path dir) throws IOException, SQLException {
        return new ScratchPostgres(EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1").start());
    }

    /** One of audit-service's own migrations, as Flyway would run it for the role {@code audit}. */
    static String auditMigration(String file) throws IOException {
        return Files.readString(root().resolve("audit-service/src/main/resources/db/migration").resolve(file))
                .replace("${runtime_user}", "audit");
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mash")) && Files.isDirectory(dir.resolve("audit-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
