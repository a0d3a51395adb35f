package uk.mash.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL that {@code ./mash up} runs keeps what it committed, as a production server does. */
class PostgresServerIT {

    @TempDir
    Path dir;

    @Test
    void aCommitIsOnDiskBeforeItIsAcknowledged() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgres pg = PostgresServer.start(dir.resolve("data"), dir.resolve("bin"), port);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "fsync")).isEqualTo("on");
            // room for ./mash up --replicas 9: each replica of the four services may pool up to 90 connections
            assertThat(Integer.parseInt(setting(s, "max_connections")))
                    .isGreaterThanOrEqualTo(LocalStack.CONNECTIONS_PER_REPLICA * Replica.MAX);
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
