package uk.mash.bench;

import java.util.List;

/**
 * latest.json's {@code timeline}: each phase second by second ({@link BenchTimeline}), one array per
 * series, written on one line each.
 */
record TimelineResult(String unit, PhaseSeries pipeline, PhaseSeries latency) {

    static final String UNIT = "one value a second, the first at fromSecond; seconds since the pipeline's first send;"
            + " latencies in ms by the second the report was accepted (or the decision recorded), nearest rank";

    static TimelineResult of(BenchTimeline pipeline, BenchTimeline latency) {
        return new TimelineResult(UNIT, pipeline.series(), latency.series());
    }

    /**
     * One phase's series; a latency series with no samples at all is null.
     *
     * @param startSecond when the phase began (its first send), in seconds since the origin
     * @param fromSecond  the second of each series' first value
     */
    record PhaseSeries(double startSecond, int fromSecond, List<Long> reportsAccepted, List<Long> casesOpened,
                       List<Double> acceptedToCaseP50Ms, List<Double> acceptedToCaseP99Ms,
                       List<Double> decisionToQueueP50Ms, List<Double> decisionToQueueP99Ms) {
    }
}
