package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history phase's ten-year log in a real PostgreSQL: spread over the decade, chained, kept for the next run. */
class BenchHistoryLogIT {

    @Test
    void aSmallTenYearLogSpansTheDecadeAndIsKeptUntilItsShapeChanges(@TempDir Path dir) throws Exception {
        try (ScratchPostgres pg = ScratchPostgres.start(dir)) {
            String superUrl = pg.superUrl;
            PrintStream out = new PrintStream(new ByteArrayOutputStream());
            int entries = 3_000;
            BenchScratchLog history = new BenchScratchLog(superUrl, "postgres", null, out, BenchHistory.shape(entries));
            assertThat(history.prepare(entries, false, "postgres", "audit")).isFalse();
            try (Connection c = history.connect(); Statement s = c.createStatement()) {
                for (String migration : List.of("V1__audit_log.sql", "V2__entries_by_type_and_time.sql")) {
                    s.execute(ScratchPostgres.auditMigration(migration));
                }
            }

            history.generate(entries);

            try (Connection c = history.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT min(occurred_at), max(occurred_at), count(DISTINCT"
                         + " date_part('year', occurred_at AT TIME ZONE 'UTC')), count(*),"
                         + " bool_and(previous_hash = lag) FROM (SELECT occurred_at, previous_hash,"
                         + " lag(hash, 1, '" + uk.mash.audit.log.CanonicalForm.GENESIS + "') OVER (ORDER BY sequence) AS lag"
                         + " FROM audit_entries) e")) {
                r.next();
                assertThat(r.getObject(1, OffsetDateTime.class).getYear()).isEqualTo(2016);
                assertThat(r.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).getYear())
                        .as("ten years on").isIn(2025, 2026);
                assertThat(r.getInt(3)).as("every year has entries").isGreaterThanOrEqualTo(10);
                assertThat(r.getLong(4)).isEqualTo(entries);
                assertThat(r.getBoolean(5)).as("each entry chained to the one before").isTrue();
            }

            assertThat(history.prepare(entries, false, "postgres", "audit")).as("kept").isTrue();
            BenchScratchLog denser = new BenchScratchLog(superUrl, "postgres", null, out,
                    new BenchScratchLog.Shape(BenchHistory.DATABASE, BenchHistory.START, 1_000_000));
            assertThat(denser.prepare(entries, false, "postgres", "audit")).as("the same size spread otherwise: made again")
                    .isFalse();
        }
    }
}
