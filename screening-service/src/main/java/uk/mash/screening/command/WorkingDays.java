package uk.mash.screening.command;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * When a decision is due: one working day after the first report was received, at the same time
 * of day, skipping weekends and bank holidays (dates in England and Wales). An operator may
 * replace the rule with a fixed duration, for tests and drills.
 */
public final class WorkingDays {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final Set<LocalDate> bankHolidays;
    private final Optional<Duration> fixedTimescale;

    public WorkingDays(Set<LocalDate> bankHolidays, Optional<Duration> fixedTimescale) {
        this.bankHolidays = Set.copyOf(bankHolidays);
        this.fixedTimescale = fixedTimescale;
    }

    public Instant decisionDueBy(Instant receivedAt) {
        if (fixedTimescale.isPresent()) {
            return receivedAt.plus(fixedTimescale.get());
        }
        ZonedDateTime due = receivedAt.atZone(UK).plusDays(1);
        while (!isWorkingDay(due.toLocalDate())) {
            due = due.plusDays(1);
        }
        return due.toInstant();
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }
}
