package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.reportcard.ReportCard;
import uk.mash.audit.reportcard.ReportCardFold;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.testsupport.TestDatabase;
import uk.mash.testsupport.TestInfrastructure;

/**
 * The card is read from report_card_facts, a projection the appender keeps with each entry and the V3 migration
 * derives for the entries already in the log. On a generated year of journeys (2035, far from every other
 * test's events): the card read says what folding the whole log's entries says, and a log migrated from V2 gets
 * the very facts that appending wrote.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCardFactsIT {

    private static final Instant YEAR = Instant.parse("2035-01-01T00:00:00Z");

    @Inject
    AuditLogStore store;

    @Inject
    ObjectMapper mapper;

    private final List<String> generated = new ArrayList<>();

    @BeforeAll
    void appendAGeneratedYear() {
        List<ReceivedEvent> events = new CardLogGenerator(2035, YEAR, Duration.ofDays(365)).generate(600);
        for (int i = 0; i < events.size(); i += 250) {
            store.append(events.subList(i, Math.min(events.size(), i + 250)), Instant.now());
        }
        events.forEach(e -> generated.add(e.eventId()));
    }

    @Test
    void theCardReadFromTheFactsSaysWhatFoldingTheWholeLogSays() throws Exception {
        List<AuditEntry> everything = new ArrayList<>();
        store.scan(1, Long.MAX_VALUE, everything::add);
        for (String[] period : new String[][] {{"2035-01-01", "2035-06-30"}, {"2035-07-01", "2035-12-31"},
                {"2035-03-10", "2035-03-16"}, {"2035-01-01", "2035-12-31"}}) {
            LocalDate from = LocalDate.parse(period[0]);
            LocalDate to = LocalDate.parse(period[1]);
            ReportCard folded = new ReportCardFold(mapper).fold(everything, from, to);
            JsonNode read = mapper.readTree(Api.as("auditor").queryParam("from", period[0]).queryParam("to", period[1])
                    .get("/api/v1/performance").then().statusCode(200).extract().asString());
            assertThat(folded.contactsReceived()).as("a generated half-year has contacts").isPositive();
            assertThat(folded.informationSharing().requests()).as("and information requests").isPositive();
            assertThat(read).as(period[0] + " to " + period[1]).isEqualTo(mapper.readTree(mapper.writeValueAsString(folded)));
        }
    }

    /**
     * A service upgraded on an existing log: a new database migrated to V2 (no facts table), the generated
     * entries copied into it as they are, then migrated on. Its facts are those the appender wrote.
     */
    @Test
    void theMigrationDerivesTheFactsTheAppenderWrote() throws Exception {
        TestDatabase db = TestInfrastructure.database();
        String name = "audit_backfill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            Flyway.configure().dataSource(url, db.user(), db.password())
                    .locations("classpath:db/migration", "classpath:db/outbox")
                    .placeholders(Map.of("runtime_user", db.user())).target("2").load().migrate();
            try (Connection from = db.connect(); Connection to = DriverManager.getConnection(url, db.user(), db.password());
                 PreparedStatement read = from.prepareStatement("SELECT * FROM audit_entries WHERE event_id = ANY (?)");
                 PreparedStatement write = to.prepareStatement("INSERT INTO audit_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                read.setArray(1, from.createArrayOf("text", generated.toArray()));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 12; i++) {
                            write.setObject(i, rs.getObject(i));
                        }
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
            Flyway.configure().dataSource(url, db.user(), db.password())
                    .locations("classpath:db/migration", "classpath:db/outbox")
                    .placeholders(Map.of("runtime_user", db.user())).load().migrate();

            List<List<Object>> appended;
            try (Connection c = db.connect()) {
                appended = facts(c, "SELECT f.* FROM report_card_facts f JOIN audit_entries e USING (sequence)"
                        + " WHERE e.event_id = ANY (?) ORDER BY sequence");
            }
            List<List<Object>> migrated;
            try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
                migrated = facts(c, "SELECT f.* FROM report_card_facts f JOIN audit_entries e USING (sequence)"
                        + " WHERE e.event_id = ANY (?) ORDER BY sequence");
            }
            assertThat(appended).as("the generated entries have facts").hasSizeGreaterThan(generated.size() / 2);
            assertThat(migrated).isEqualTo(appended);
        } finally {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /**
     * The rebuild reads every entry's stored data again and streams the facts back by COPY: the very rows the
     * appender wrote from the events as received, arrays and instants included.
     */
    @Test
    void theRebuildDerivesTheFactsTheAppenderWrote() throws Exception {
        TestDatabase db = TestInfrastructure.database();
        String generatedFacts = "SELECT f.* FROM report_card_facts f JOIN audit_entries e USING (sequence)"
                + " WHERE e.event_id = ANY (?) ORDER BY sequence";
        List<List<Object>> appended;
        try (Connection c = db.connect()) {
            appended = facts(c, generatedFacts);
        }
        long rebuilt = Api.auditor().post("/api/v1/audit/rebuild").then().statusCode(200).extract()
                .jsonPath().getLong("reportCardFacts");
        List<List<Object>> derived;
        try (Connection c = db.connect()) {
            derived = facts(c, generatedFacts);
        }
        assertThat(appended).as("the generated entries have facts").hasSizeGreaterThan(generated.size() / 2);
        assertThat(rebuilt).as("the rebuild's count covers them").isGreaterThanOrEqualTo(appended.size());
        assertThat(derived).isEqualTo(appended);
    }

    /** The facts rows the query finds for the generated entries, each as its column values (arrays as lists). */
    private List<List<Object>> facts(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", generated.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.add(value instanceof Array a ? Arrays.asList((Object[]) a.getArray()) : value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
