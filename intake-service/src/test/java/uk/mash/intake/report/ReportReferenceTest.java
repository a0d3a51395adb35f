package uk.mash.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportReferenceTest {

    @Test
    void referencesCarryTheYearOfReceiptAndASixDigitNumber() {
        assertThat(ReportReference.format(Instant.parse("2026-11-20T22:15:00Z"), 123)).isEqualTo("MASH-2026-000123");
    }

    @Test
    void theYearIsTheUkYearAtNewYear() {
        // 00:30 on 1 January in London is still 31 December in UTC only in summer time; in winter they agree
        assertThat(ReportReference.format(Instant.parse("2026-12-31T23:59:59Z"), 1)).isEqualTo("MASH-2026-000001");
        assertThat(ReportReference.format(Instant.parse("2027-01-01T00:00:01Z"), 2)).isEqualTo("MASH-2027-000002");
    }

    @Test
    void numbersBeyondSixDigitsAreNotTruncated() {
        assertThat(ReportReference.format(Instant.parse("2026-06-01T12:00:00Z"), 1_234_567)).isEqualTo("MASH-2026-1234567");
    }
}
