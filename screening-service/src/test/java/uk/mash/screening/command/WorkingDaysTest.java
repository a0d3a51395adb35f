package uk.mash.screening.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    // Christmas 2026: Friday 25th, and Monday 28th (Boxing Day substitute)
    private final WorkingDays rule = new WorkingDays(
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")), Optional.empty());

    @Test
    void aWeekdayReportIsDueTheNextWorkingDayAtTheSameTime() {
        assertThat(rule.decisionDueBy(Instant.parse("2026-11-23T10:15:00Z"))).isEqualTo("2026-11-24T10:15:00Z");
    }

    @Test
    void aFridayReportIsDueOnMonday() {
        assertThat(rule.decisionDueBy(Instant.parse("2026-11-27T16:00:00Z"))).isEqualTo("2026-11-30T16:00:00Z");
    }

    @Test
    void aWeekendReportIsDueOnMonday() {
        assertThat(rule.decisionDueBy(Instant.parse("2026-11-28T11:00:00Z"))).isEqualTo("2026-11-30T11:00:00Z");
    }

    @Test
    void bankHolidaysAreSkipped() {
        // Thursday 24 December: Friday and Monday are bank holidays, so Tuesday 29th
        assertThat(rule.decisionDueBy(Instant.parse("2026-12-24T09:00:00Z"))).isEqualTo("2026-12-29T09:00:00Z");
    }

    @Test
    void theTimeOfDayIsKeptInUkTimeAcrossTheClockChange() {
        // Friday 27 March 2026, 09:00 GMT; Monday 30 March is in BST, so 09:00 local is 08:00 UTC
        assertThat(rule.decisionDueBy(Instant.parse("2026-03-27T09:00:00Z"))).isEqualTo("2026-03-30T08:00:00Z");
    }

    @Test
    void aConfiguredTimescaleReplacesTheRule() {
        WorkingDays drill = new WorkingDays(Set.of(), Optional.of(Duration.ofSeconds(5)));
        assertThat(drill.decisionDueBy(Instant.parse("2026-11-28T11:00:00Z"))).isEqualTo("2026-11-28T11:00:05Z");
    }
}
