package uk.mash.audit.reportcard;

import java.time.Duration;
import java.util.Map;

/**
 * The board's "RAG information-sharing deadlines met" (DOMAIN.md): the information requests asked in the
 * period (their {@code requestedAt} within it), what became of them, and the share answered by their due
 * time, over all, per RAG and per agency asked. Definitions in README.md ("The report card, defined").
 *
 * @param requests        requests asked in the period
 * @param answered        of those, answered (whenever)
 * @param declined        of those, declined
 * @param open            of those, neither answered nor declined yet
 * @param answeredByDueBy answered at or before the due time in force when answered, of {@code requests}
 * @param byRag           the same per RAG of the rating that set each request's final due time: RED, AMBER, GREEN
 * @param byAgency        per agency asked (only agencies asked in the period)
 */
public record InformationSharing(long requests, long answered, long declined, long open,
                                 ReportCard.Share answeredByDueBy, Map<String, ByRag> byRag,
                                 Map<String, ByAgency> byAgency) {

    /** The requests whose due time a rating of this RAG set, and the share of them answered by it. */
    public record ByRag(long requests, ReportCard.Share answeredByDueBy) {
    }

    /**
     * One agency's requests and answers, and how long its answers took (requested to answered):
     * nearest-rank median and 90th percentile, as ISO-8601 durations and in seconds; null when none answered.
     */
    public record ByAgency(long requests, long answered, long declined, String medianResponse, String p90Response,
                           Long medianResponseSeconds, Long p90ResponseSeconds) {

        static ByAgency of(long requests, long answered, long declined, Duration median, Duration p90) {
            return new ByAgency(requests, answered, declined, median == null ? null : median.toString(),
                    p90 == null ? null : p90.toString(), median == null ? null : median.toSeconds(),
                    p90 == null ? null : p90.toSeconds());
        }
    }
}
