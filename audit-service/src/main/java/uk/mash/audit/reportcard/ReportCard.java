package uk.mash.audit.reportcard;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * The performance figures a board reads (DOMAIN.md), for reports, cases, decisions and referrals
 * whose own instant (received, opened, decided, routed) falls within {@code from} to {@code to}
 * inclusive, UTC dates; and the information requests asked in it ({@link InformationSharing}).
 * Definitions in README.md.
 */
public record ReportCard(LocalDate from, LocalDate to, long contactsReceived, long casesOpened, long referrals,
                         Share decisionsWithinOneWorkingDay, Share reReferrals, Share acknowledgedInTime,
                         Map<String, Long> byReferringAgency, Map<String, Long> byConcern,
                         Map<String, Long> byOutcome, ReportToDecision reportToDecision,
                         InformationSharing informationSharing) {

    /** {@code count} of {@code of}, and the share rounded to four places (null when {@code of} is 0). */
    public record Share(long count, long of, Double share) {
        static Share of(long count, long of) {
            return new Share(count, of, of == 0 ? null : Math.round(count * 10000.0 / of) / 10000.0);
        }
    }

    /**
     * Time from the case's first report to its first decision: nearest-rank median and 90th
     * percentile, as ISO-8601 durations and in seconds.
     */
    public record ReportToDecision(long decisions, String median, String p90, Long medianSeconds, Long p90Seconds) {
        static ReportToDecision of(long decisions, Duration median, Duration p90) {
            return new ReportToDecision(decisions, median == null ? null : median.toString(),
                    p90 == null ? null : p90.toString(), median == null ? null : median.toSeconds(),
                    p90 == null ? null : p90.toSeconds());
        }
    }
}
