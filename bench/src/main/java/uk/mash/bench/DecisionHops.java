package uk.mash.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * latest.json's {@code decisionHops}: decision → queue of the latency phase, split at the times its
 * two records carry. Per decision whose decision and referral records the bench both read:
 * (a) the DecisionRecorded's ce_time (screening stored the decision) → its Kafka timestamp
 * (screening's outbox relay handed it to the producer); (b) → the ReferralRouted's ce_time
 * (routing's routedAt: routing received the decision and routed it); (c) → that record's Kafka
 * timestamp (routing's outbox relay handed it to the producer); (d) → the bench's consumer read it
 * from the queue topic. The four add up to {@code total}.
 *
 * <p>The services' records go out through SmallRye's Kafka connector with no timestamp of their own,
 * so the producer stamps them when send() is called (CreateTime), not with the CloudEvent's time;
 * {@code kafkaTimestampType} and {@code recordsWithKafkaTimestampAtCeTime} show it for this run (a
 * copied time would make every record's Kafka timestamp its ce_time's millisecond).
 *
 * @param decisions                         decisions recorded in the latency phase
 * @param kafkaTimestampType                the record timestamp types seen (CreateTime expected)
 * @param records                           the records the hops were read from (two a decision)
 * @param recordsWithKafkaTimestampAtCeTime of those, how many have a Kafka timestamp in their ce_time's millisecond
 */
record DecisionHops(long decisions, long samples, String kafkaTimestampType, long records,
                    long recordsWithKafkaTimestampAtCeTime, List<HopSummary> hops, HopSummary total) {

    static DecisionHops of(Iterable<String> decidedCases, Map<String, RecordStamps> decisions,
                           Map<String, RecordStamps> referrals) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>();
        long decided = 0;
        long records = 0;
        long atCeTime = 0;
        for (String caseId : decidedCases) {
            decided++;
            RecordStamps decision = decisions.get(caseId);
            RecordStamps referral = referrals.get(caseId);
            if (decision == null || referral == null || decision.ceTimeMicros() < 0 || referral.ceTimeMicros() < 0) {
                continue;
            }
            for (RecordStamps r : List.of(decision, referral)) {
                records++;
                types.add(r.timestampType());
                atCeTime += r.kafkaTimestampIsCeTimeMillisecond() ? 1 : 0;
            }
            a.add(ms(decision.kafkaMicros() - decision.ceTimeMicros()));
            b.add(ms(referral.ceTimeMicros() - decision.kafkaMicros()));
            c.add(ms(referral.kafkaMicros() - referral.ceTimeMicros()));
            d.add(ms(referral.seenMicros() - referral.kafkaMicros()));
            total.add(ms(referral.seenMicros() - decision.ceTimeMicros()));
        }
        List<HopSummary> hops = List.of(
                HopSummary.of("a", "decision recorded (ce_time)", "screening's record sent (Kafka timestamp)", a),
                HopSummary.of("b", "screening's record sent", "routing routed it (referral's ce_time)", b),
                HopSummary.of("c", "routing routed it", "routing's record sent (Kafka timestamp)", c),
                HopSummary.of("d", "routing's record sent", "read by the bench", d));
        return new DecisionHops(decided, a.size(), types.isEmpty() ? null : String.join(",", types), records, atCeTime,
                hops, HopSummary.of("total", "decision recorded", "read by the bench", total));
    }

    private static double ms(long micros) {
        return micros / 1000d;
    }
}
