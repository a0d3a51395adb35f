package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ChainVerification;

/** The bench's scratch log in a real PostgreSQL: loaded into audit's own schema as generated, and kept for the next run. */
class BenchScratchLogIT {

    /** Loaded by COPY into audit's own schema (its V1 migration), read back, the chain still verifies; a complete log is kept. */
    @Test
    void aLoadedLogReadsBackAsGeneratedAndIsKeptForTheNextRun(@TempDir Path dir) throws Exception {
        try (ScratchPostgres pg = ScratchPostgres.start(dir)) {
            String superUrl = pg.superUrl;
            PrintStream out = new PrintStream(new ByteArrayOutputStream());
            BenchScratchLog scratch = new BenchScratchLog(superUrl, "postgres", null, out);
            assertThat(scratch.prepare(2_000, false, "postgres", "audit")).isFalse();
            String v1 = ScratchPostgres.auditMigration("V1__audit_log.sql");
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
}
