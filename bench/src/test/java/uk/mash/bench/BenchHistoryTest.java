package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.AuditEntry;
import uk.mash.contracts.EventTypes;

/** The history phase's log: a decade of a large authority, dated as such; and the half-years it asks about. */
class BenchHistoryTest {

    @Test
    void theGapThatSpreadsNEntriesOverASpanAveragesTheSpanOverN() {
        long max = BenchLogGenerator.maxGapMicrosFor(5_000_000, BenchHistory.SPAN);
        // uniform from 1 to max + 1 µs: the mean gap is (max + 2) / 2, and 5 million of them make the ten years
        double mean = (max + 2) / 2.0;
        assertThat(mean * 5_000_000 / 1e6).isCloseTo(BenchHistory.SPAN.toSeconds(), org.assertj.core.data.Offset.offset(10.0));
        assertThat(BenchLogGenerator.maxGapMicrosFor(1, Duration.ofSeconds(1))).isEqualTo(1_999_999);
        assertThat(BenchLogGenerator.maxGapMicrosFor(10, Duration.ofNanos(1))).as("never below 1").isEqualTo(1);
    }

    /** 100,000 entries spread over ten years: they reach the tenth year, and what they carry is dated by their year. */
    @Test
    void aLogSpreadOverTenYearsIsDatedYearByYear() throws Exception {
        int n = 100_000;
        BenchLogGenerator generator = new BenchLogGenerator(7, BenchHistory.START,
                BenchLogGenerator.maxGapMicrosFor(n, BenchHistory.SPAN));
        ObjectMapper mapper = new ObjectMapper();
        AuditEntry last = null;
        int reports = 0;
        for (int i = 0; i < n; i++) {
            AuditEntry e = generator.next();
            if (e.type().equals(EventTypes.REPORT_RECEIVED) && i % 50 == 0) {
                int year = e.occurredAt().atZone(ZoneOffset.UTC).getYear();
                JsonNode data = mapper.readTree(e.data());
                assertThat(data.path("reference").asText()).startsWith("MASH-" + year + "-");
                JsonNode child = data.path("subjects").get(0);
                int born = LocalDate.parse(child.path("dateOfBirth").asText()).getYear();
                assertThat(born).as("a subject born before the report").isBetween(year - 50, year - 1);
                reports++;
            }
            last = e;
        }
        assertThat(reports).isGreaterThan(100);
        Instant end = BenchHistory.START.plus(BenchHistory.SPAN);
        assertThat(last.occurredAt()).isBetween(end.minus(Duration.ofDays(60)), end.plus(Duration.ofDays(60)));
    }

    @Test
    void theHalfYearsAreThoseWhollyInsideTheLog() {
        List<LocalDate[]> halves = BenchHistory.halfYears(Instant.parse("2016-01-04T08:30:00Z"),
                Instant.parse("2026-01-04T08:00:00Z"));
        // 2016's first half starts before the log: from July 2016 to December 2025
        assertThat(halves).hasSize(19);
        assertThat(halves.get(0)).containsExactly(LocalDate.of(2016, 7, 1), LocalDate.of(2016, 12, 31));
        assertThat(halves.get(18)).containsExactly(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31));
        assertThat(halves.get(1)).containsExactly(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 6, 30));
    }

    @Test
    void theScratchAuditRunsWithTheServicesHeap() {
        List<String> jvm = BenchHistory.serviceJvmOptions(java.util.Map.of());
        assertThat(BenchHistory.heap(jvm)).isEqualTo("128m");
        assertThat(BenchHistory.heap(BenchHistory.serviceJvmOptions(java.util.Map.of("MASH_SERVICE_JVM_OPTS",
                "-Xmx96m -XX:+UseSerialGC")))).isEqualTo("96m");
    }
}
