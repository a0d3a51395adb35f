package uk.mash.bench;

import java.util.List;
import java.util.Map;

/**
 * latest.json's {@code decisionHops}: decision → queue of the latency phase, split at the times its two records
 * carry ({@link HopSplit}). Per decision whose decision and referral records the bench both read: (a) the
 * DecisionRecorded's ce_time (screening stored the decision) → its Kafka timestamp (screening's {@code case-events}
 * processor handed it to the producer); (b) → the ReferralRouted's ce_time (routing's routedAt: routing received
 * the decision and routed it); (c) → that record's Kafka timestamp (routing's outbox relay handed it to the
 * producer); (d) → the bench's consumer read it from the queue topic.
 *
 * @param decisions decisions recorded in the latency phase; the other fields as {@link HopSplit}'s
 */
record DecisionHops(long decisions, long samples, String kafkaTimestampType, long records,
                    long recordsWithKafkaTimestampAtCeTime, List<HopSummary> hops, HopSummary total)
        implements RecordHops {

    private static final HopSplit.Ends ENDS = new HopSplit.Ends("decision recorded (ce_time)",
            "screening's record sent (Kafka timestamp)", "routing routed it (referral's ce_time)",
            "routing's record sent (Kafka timestamp)");

    static DecisionHops of(Iterable<String> decidedCases, Map<String, RecordStamps> decisions,
                           Map<String, RecordStamps> referrals) {
        HopSplit s = HopSplit.of(decidedCases, decisions, referrals, ENDS);
        return new DecisionHops(s.journeys(), s.samples(), s.kafkaTimestampType(), s.records(),
                s.recordsWithKafkaTimestampAtCeTime(), s.hops(), s.total());
    }
}
