package uk.mash.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.mash.testsupport.MashTestInfrastructure;

/**
 * The outbox table is this module's migration ({@code db/outbox}), run by Flyway among each service's
 * own at start. Databases made by earlier builds already have the table from the service's V1 (intake,
 * screening, routing), and those applied migrations cannot change: these are the cases a service meets,
 * each in a schema of its own, and the two alternatives that would have stopped a service from starting.
 */
class OutboxMigrationIT {

    /** The outbox as intake's, screening's and routing's V1 made it (the same DDL in all three). */
    private static final String SERVICE_V1 = """
            CREATE TABLE reports (report_id uuid PRIMARY KEY);
            CREATE TABLE outbox (
                id           bigserial   PRIMARY KEY,
                event_id     uuid        NOT NULL UNIQUE,
                topic        text        NOT NULL,
                type         text        NOT NULL,
                message_key  text        NOT NULL,
                subject      text,
                occurred_at  timestamptz NOT NULL,
                payload      text        NOT NULL,
                published_at timestamptz
            );
            CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
            """;

    private static final String MODULE = "classpath:db/outbox";

    static Map<String, String> db;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        db = new MashTestInfrastructure().start();
    }

    @Test
    void aDatabaseAnEarlierBuildMadeStartsAndKeepsItsWaitingEntries() throws Exception {
        String schema = schema();
        Path earlier = migrations("earlier", Map.of("V1__service.sql", SERVICE_V1));
        flyway(schema, location(earlier)).migrate();
        String waiting = insertEntry(schema);

        flyway(schema, location(earlier), MODULE).migrate();

        assertThat(unpublished(schema)).containsExactly(waiting);
    }

    @Test
    void aNewDatabaseOfAServiceWhoseFirstMigrationMakesTheOutboxStarts() throws Exception {
        String schema = schema();

        flyway(schema, location(migrations("new", Map.of("V1__service.sql", SERVICE_V1))), MODULE).migrate();

        insertEntry(schema);
        assertThat(unpublished(schema)).hasSize(1);
    }

    @Test
    void aServiceWithNoOutboxOfItsOwnGetsTheModulesTable() throws Exception {
        String schema = schema();

        flyway(schema, location(migrations("audit", Map.of("V1__log.sql", "CREATE TABLE audit_entries (sequence bigint);"))),
                MODULE).migrate();

        String waiting = insertEntry(schema);
        assertThat(unpublished(schema)).containsExactly(waiting);
        assertThat(indexes(schema)).contains("outbox_unpublished");
    }

    /** Why the copies in the services' V1 stay: removing them changes an applied migration's checksum. */
    @Test
    void removingTheOutboxFromAnAppliedMigrationStopsTheServiceFromStarting() throws Exception {
        String schema = schema();
        flyway(schema, location(migrations("earlier", Map.of("V1__service.sql", SERVICE_V1)))).migrate();
        String withoutOutbox = SERVICE_V1.substring(0, SERVICE_V1.indexOf("CREATE TABLE outbox"));

        Path edited = migrations("edited", Map.of("V1__service.sql", withoutOutbox));

        assertThatThrownBy(() -> flyway(schema, location(edited), MODULE).migrate())
                .isInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");
    }

    /** Why the module's migration is repeatable, not a versioned V0_1 that Flyway would run before V1. */
    @Test
    void aVersionedOutboxMigrationBeforeTheServicesOwnWouldBreakANewDatabase() throws Exception {
        String schema = schema();
        Path versioned = migrations("versioned", Map.of("V0_1__outbox.sql", moduleMigration(),
                "V1__service.sql", SERVICE_V1));

        assertThatThrownBy(() -> flyway(schema, location(versioned)).migrate())
                .isInstanceOf(FlywayException.class).hasMessageContaining("already exists");
    }

    private static Flyway flyway(String schema, String... locations) {
        return Flyway.configure()
                .dataSource(db.get("quarkus.datasource.jdbc.url"), db.get("quarkus.datasource.username"),
                        db.get("quarkus.datasource.password"))
                .schemas(schema)
                .locations(locations)
                .load();
    }

    private Path migrations(String name, Map<String, String> files) throws IOException {
        Path location = Files.createDirectories(dir.resolve(name));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(location.resolve(file.getKey()), file.getValue());
        }
        return location;
    }

    private static String location(Path path) {
        return "filesystem:" + path;
    }

    private static String moduleMigration() throws IOException {
        try (InputStream in = OutboxMigrationIT.class.getClassLoader().getResourceAsStream("db/outbox/R__outbox.sql")) {
            assertThat(in).as("db/outbox/R__outbox.sql on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String schema() {
        return "outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String insertEntry(String schema) throws Exception {
        String eventId = UUID.randomUUID().toString();
        execute("INSERT INTO " + schema + ".outbox (event_id, topic, type, message_key, occurred_at, payload) "
                + "VALUES ('" + eventId + "', 'mash.reports', 'mash.report.received.v1', 'k', now(), '{}')");
        return eventId;
    }

    private static java.util.List<String> unpublished(String schema) throws Exception {
        return strings("SELECT event_id FROM " + schema + ".outbox WHERE published_at IS NULL ORDER BY id");
    }

    private static java.util.List<String> indexes(String schema) throws Exception {
        return strings("SELECT indexname FROM pg_indexes WHERE schemaname = '" + schema + "' AND tablename = 'outbox'");
    }

    private static java.util.List<String> strings(String sql) throws Exception {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"), db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password"));
    }
}
