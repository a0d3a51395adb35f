package uk.mash.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One bench run, as {@code .mash/bench/latest.json} holds it (README, "How fast it is"): the
 * field names and their nesting are what readers of that file rely on.
 *
 * @param auditLog           the generated log the replay ran on; absent when the replay was skipped
 * @param rssMb              per service, the highest resident memory sampled while the load ran
 * @param rssHighWaterMarkMb per service, VmHWM: the peak since the process started
 * @param startupSeconds     per service, its last "started in"
 * @param cpu                CPU per process over the pipeline and latency windows (issue 16)
 * @param floor              the rows and records a report causes, costed at the baselines (issue 16)
 * @param acceptedHops       accepted → case split at its records' times (issue 16)
 * @param decisionHops       decision → queue split at its records' times (issue 16)
 * @param history            audit on a ten-year log (BenchHistory); absent when skipped
 */
record BenchResult(Instant date, BenchMachine machine, BenchSettings settings, PipelineResult pipeline,
                   LatencyResult latency, ReplayResult replay, IntegrityResult integrity,
                   @JsonInclude(JsonInclude.Include.NON_NULL) ScratchLogResult auditLog,
                   Map<String, Double> rssMb, Map<String, Double> rssHighWaterMarkMb,
                   Map<String, Double> startupSeconds, String loadAverageAtEnd, TimelineResult timeline,
                   CpuWindows cpu, FloorResult floor, AcceptedHops acceptedHops, DecisionHops decisionHops,

                   @JsonInclude(JsonInclude.Include.NON_NULL) HistoryResult history) {

    /** The stamp of the dated copies beside latest.json and latest.png (no colons, for any file system). */
    String fileStamp() {
        return date.toString().replace(':', '-');
    }
}
