package uk.mash.intake.report;

import java.time.Instant;

/** {@code MASH-YYYY-NNNNNN}: the year the report was received and a number from intake's sequence. */
public final class ReportReference {

    private ReportReference() {
    }

    public static String format(Instant receivedAt, long number) {
        return String.format("MASH-%d-%06d", ReportDate.of(receivedAt).getYear(), number);
    }
}
