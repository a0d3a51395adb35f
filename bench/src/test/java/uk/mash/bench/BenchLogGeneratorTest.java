package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ChainVerification;
import uk.mash.contracts.EventTypes;

/** The bench's generated audit log: a chain audit verifies, with the mix of a working MASH, loaded as generated. */
class BenchLogGeneratorTest {

    private static final Instant START = Instant.parse("2025-01-06T08:30:00.123456Z");

    @Test
    void theChainItWritesVerifiesWithAuditsOwnCanonicalForm() throws Exception {
        BenchLogGenerator generator = new BenchLogGenerator(7, START);
        ChainVerification chain = new ChainVerification(1, CanonicalForm.GENESIS);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 5_000; i++) {
            AuditEntry e = generator.next();
            assertThat(chain.accept(e)).as("entry %d", e.sequence()).isTrue();
            // data is stored canonical: canonicalising it again changes nothing
            assertThat(CanonicalForm.json(mapper.readTree(e.data()))).isEqualTo(e.data());
            assertThat(e.recordedAt()).isAfter(e.occurredAt());
        }
        assertThat(chain.verified()).isTrue();
        assertThat(chain.entries()).isEqualTo(5_000);
    }

    @Test
    void theMixIsCaseJourneysOfEveryEventTypeWithCaseAndActorAsAuditSetsThem() {
        BenchLogGenerator generator = new BenchLogGenerator(7, START);
        Set<String> reportsWithoutCase = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            AuditEntry e = generator.next();
            if (e.type().equals(EventTypes.REPORT_RECEIVED)) {
                assertThat(e.caseId()).isNull(); // found through report_case, as audit's consumer leaves it
                assertThat(e.actorSub()).isNotNull();
                reportsWithoutCase.add(e.eventId());
            } else {
                assertThat(e.caseId()).as(e.type()).isNotNull();
            }
            if (e.type().equals(EventTypes.CASE_READ) || e.type().equals(EventTypes.DECISION_RECORDED)) {
                assertThat(e.actorSub()).isNotNull();
                assertThat(e.actorAgency()).isEqualTo("CHILDRENS_SERVICES");
            }
            if (e.type().equals(EventTypes.CASE_OPENED) || e.type().equals(EventTypes.REFERRAL_ROUTED)) {
                assertThat(e.actorSub()).isNull(); // system events have no person
            }
        }
        Map<String, Long> n = generator.typeCounts();
        assertThat(n.keySet()).contains(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED, EventTypes.REPORT_LINKED,
                EventTypes.AGENCY_INFORMATION_ADDED, EventTypes.RISK_RATED, EventTypes.DECISION_RECORDED,
                EventTypes.DECISION_OVERDUE, EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_ACKNOWLEDGED,
                EventTypes.REFERRAL_ESCALATED, EventTypes.CASE_READ);
        long reports = n.get(EventTypes.REPORT_RECEIVED);
        long opened = n.get(EventTypes.CASE_OPENED);
        long linked = n.get(EventTypes.REPORT_LINKED);
        // every report opens a case or joins one (the journeys still running at the end aside)
        assertThat(opened + linked).isBetween(reports - 70, reports);
        assertThat(linked).isBetween(opened / 10, opened / 3);
        assertThat(n.get(EventTypes.RISK_RATED)).isBetween(opened - 70, opened);
        assertThat(n.get(EventTypes.REFERRAL_ACKNOWLEDGED)).isBetween(n.get(EventTypes.REFERRAL_ROUTED) - 70,
                n.get(EventTypes.REFERRAL_ROUTED));
        assertThat(n.get(EventTypes.CASE_READ)).isGreaterThan(2 * opened); // the most frequent entry
        assertThat(n.get(EventTypes.DECISION_OVERDUE)).isLessThan(opened / 10);
        // sized like the contracts' events: reports and decisions about 1.5 KB, reads about 250 bytes
        assertThat(generator.averageDataChars()).isBetween(400.0, 1_200.0);
    }

    @Test
    void theSameSeedMakesTheSameLog() {
        BenchLogGenerator a = new BenchLogGenerator(42, START);
        BenchLogGenerator b = new BenchLogGenerator(42, START);
        AuditEntry last = null;
        for (int i = 0; i < 1_000; i++) {
            last = a.next();
            assertThat(b.next()).isEqualTo(last);
        }
        assertThat(new BenchLogGenerator(43, START).next().hash()).isNotEqualTo(last.hash());
    }

    /** Loaded by COPY into audit's own schema (its V1 migration), read back, the chain still verifies; a complete log is kept. */
    @Test
    void aLoadedLogReadsBackAsGeneratedAndIsKeptForTheNextRun(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            String superUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            try (Connection c = DriverManager.getConnection(superUrl, "postgres", null); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE audit LOGIN");
            }
            PrintStream out = new PrintStream(new ByteArrayOutputStream());
            BenchScratchLog scratch = new BenchScratchLog(superUrl, "postgres", null, out);
            assertThat(scratch.prepare(2_000, false, "postgres", "audit")).isFalse();
            String v1 = Files.readString(root().resolve("audit-service/src/main/resources/db/migration/V1__audit_log.sql"))
                    .replace("${runtime_user}", "audit");
            try (Connection c = DriverManager.getConnection(scratch.url(), "postgres", null); Statement s = c.createStatement()) {
                s.execute(v1);
            }

            scratch.generate(2_000);

            List<AuditEntry> read = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(scratch.url(), "postgres", null); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT " + BenchScratchLog.COLUMNS + " FROM audit_entries ORDER BY sequence")) {
                while (r.next()) {
                    read.add(new AuditEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getObject(6, OffsetDateTime.class).toInstant(), r.getObject(7, OffsetDateTime.class).toInstant(),
                            r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12)));
                }
            }
            BenchLogGenerator again = new BenchLogGenerator(BenchScratchLog.SEED, BenchScratchLog.START);
            ChainVerification chain = new ChainVerification(1, CanonicalForm.GENESIS);
            assertThat(read).hasSize(2_000);
            for (AuditEntry e : read) {
                assertThat(e).isEqualTo(again.next());
                assertThat(chain.accept(e)).isTrue();
            }

            assertThat(scratch.prepare(2_000, false, "postgres", "audit")).as("kept").isTrue();
            assertThat(scratch.prepare(3_000, false, "postgres", "audit")).as("another size: made again").isFalse();
        }
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mash")) && Files.isDirectory(dir.resolve("audit-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }
}
