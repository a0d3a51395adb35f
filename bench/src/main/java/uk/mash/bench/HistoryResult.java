package uk.mash.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * latest.json's {@code history}: audit-service on a decade's log of a large authority (issue 16, point 4),
 * each figure beside its target.
 *
 * @param buildSeconds    generating and loading the log and folding its projection, when this run made it
 * @param reportCard      the report card for one half-year, each request timed end to end over HTTP
 * @param periods         the half-years asked for, "FROM/TO"
 * @param caseHistory     one case's history ({@code GET /api/v1/audit/cases/{id}/events}), random cases
 * @param caseAsOf        one case as it stood half-way through its journey ({@code .../state?asOf=})
 * @param peakRssMb       the scratch audit-service's highest VmRSS sampled while it was measured
 * @param rssHighWaterMarkMb its VmHWM at the end: the peak since it started
 */
record HistoryResult(String database, long entries, boolean reused,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Double buildSeconds,
                     @JsonInclude(JsonInclude.Include.NON_NULL) LogGeneration generation,
                     Instant madeAt, Double generationSeconds, Instant firstOccurredAt, Instant lastOccurredAt,
                     double tableMb, double indexesMb, String heap,
                     LatencySummary reportCard, List<String> periods, LatencySummary caseHistory,
                     double caseHistoryAverageEntries, LatencySummary caseAsOf, ExportResult export,
                     Double peakRssMb, Double rssHighWaterMarkMb, Targets targets) {

    /** What each figure should be at most. */
    record Targets(double reportCardP99Ms, double caseHistoryP99Ms, double rssMb) {
    }

    static final Targets TARGETS = new Targets(1000, 20, 256);

    /** The export of a stretch of the log, read to the end and thrown away by the bench. */
    record ExportResult(long fromSequence, long toSequence, long entries, long bytes, double seconds,
                        double entriesPerSecond) {
    }
}
