package uk.mash.bench;

/**
 * latest.json's {@code latency}: at a fixed rate, intake's 202 → the case event, then those cases
 * decided at the same rate, the decision recorded → its first referral on a queue topic.
 *
 * @param decisionToQueueTimedFromAnswer decisions whose event was not seen, timed from the 200 instead
 */
record LatencyResult(double rate, long reportsSent, long reportsAccepted, double offeredPerSecond,
                     Double acceptedToCaseP50Ms, Double acceptedToCaseP99Ms, Double acceptedToCaseP999Ms,
                     Double acceptedToCaseMaxMs, long acceptedToCaseSamples, long acceptedToCaseMissing,
                     String acceptedToCaseMeasuredAs,
                     long decisionsSent, long decisionsRecorded, long decisionsFailed,
                     Double decisionToQueueP50Ms, Double decisionToQueueP99Ms, Double decisionToQueueP999Ms,
                     Double decisionToQueueMaxMs, long decisionToQueueSamples, long decisionToQueueMissing,
                     long decisionToQueueTimedFromAnswer, String decisionToQueueMeasuredAs) {

    static final String ACCEPTED_TO_CASE = "intake's 202 arriving at the bench -> the case's opened/report-linked event"
            + " read by the bench from mash.case-events (published by screening once stored)";
    static final String DECISION_TO_QUEUE = "the decision recorded (ce_time of its mash.case.decision-recorded.v1,"
            + " screening's clock, the same machine) -> the case's first mash.referral.routed.v1 read by the bench"
            + " from mash.queue.children|adults|police";

    /**
     * @param toCase   accepted → case, over the reports that had one
     * @param noCase   reports accepted whose case was never seen
     * @param toQueue  decision → queue, over the decisions whose referral was seen
     * @param noQueue  decisions whose referral was never seen
     */
    static LatencyResult of(double rate, LoadResult load, LatencySummary toCase, long noCase, DecisionsResult decisions,
                            LatencySummary toQueue, long noQueue, long timedFromAnswer) {
        return new LatencyResult(rate, load.sent(), load.accepted(), load.offeredPerSecond(),
                toCase.p50Ms(), toCase.p99Ms(), toCase.p999Ms(), toCase.maxMs(), toCase.count(), noCase, ACCEPTED_TO_CASE,
                decisions.sent(), decisions.recorded(), decisions.failed(),
                toQueue.p50Ms(), toQueue.p99Ms(), toQueue.p999Ms(), toQueue.maxMs(), toQueue.count(), noQueue,
                timedFromAnswer, DECISION_TO_QUEUE);
    }
}
