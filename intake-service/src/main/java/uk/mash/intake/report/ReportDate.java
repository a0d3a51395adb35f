package uk.mash.intake.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** The report date as people in England and Wales read it, and what follows from it. */
public final class ReportDate {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int AGE_OF_MAJORITY = 18;

    private ReportDate() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(UK));
    }

    public static LocalDate of(Instant receivedAt) {
        return receivedAt.atZone(UK).toLocalDate();
    }

    /** A CHILD is under 18 on the report date. */
    public static boolean isUnder18(LocalDate dateOfBirth, LocalDate reportDate) {
        return Period.between(dateOfBirth, reportDate).getYears() < AGE_OF_MAJORITY;
    }
}
