package uk.mash.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One journey's two Kafka records split into four hops at the times they carry, over many journeys: (a) the first
 * record's ce_time (its service made the event) → its Kafka timestamp (that service's relay or processor handed it to
 * the producer); (b) → the second record's ce_time (the next service made its event); (c) → the second record's Kafka
 * timestamp; (d) → the bench's consumer read it. The four add up to {@code total}. What {@link AcceptedHops} (a report
 * and its case) and {@link DecisionHops} (a decision and its referral) are made of.
 *
 * <p>The services' records go out through SmallRye's Kafka connector with no timestamp of their own, so the producer
 * stamps them when send() is called (CreateTime), not with the CloudEvent's time; {@code kafkaTimestampType} and
 * {@code recordsWithKafkaTimestampAtCeTime} show it for the run (a copied time would make every record's Kafka
 * timestamp its ce_time's millisecond).
 *
 * @param journeys                          the journeys asked about (reports, decisions)
 * @param samples                           of those, the ones whose two records the bench both read
 * @param kafkaTimestampType                the record timestamp types seen (CreateTime expected)
 * @param records                           the records the hops were read from (two a sample)
 * @param recordsWithKafkaTimestampAtCeTime of those, how many have a Kafka timestamp in their ce_time's millisecond
 */
record HopSplit(long journeys, long samples, String kafkaTimestampType, long records,
                long recordsWithKafkaTimestampAtCeTime, List<HopSummary> hops, HopSummary total) {

    /** The names of the hops' ends: the first record's event and sender, the second's, and who reads it. */
    record Ends(String firstMade, String firstSent, String secondMade, String secondSent) {
    }

    static HopSplit of(Iterable<String> keys, Map<String, RecordStamps> firsts, Map<String, RecordStamps> seconds,
                       Ends ends) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>();
        long journeys = 0;
        long records = 0;
        long atCeTime = 0;
        for (String key : keys) {
            journeys++;
            RecordStamps first = firsts.get(key);
            RecordStamps second = seconds.get(key);
            if (first == null || second == null || first.ceTimeMicros() < 0 || second.ceTimeMicros() < 0) {
                continue;
            }
            for (RecordStamps r : List.of(first, second)) {
                records++;
                types.add(r.timestampType());
                atCeTime += r.kafkaTimestampIsCeTimeMillisecond() ? 1 : 0;
            }
            a.add(ms(first.kafkaMicros() - first.ceTimeMicros()));
            b.add(ms(second.ceTimeMicros() - first.kafkaMicros()));
            c.add(ms(second.kafkaMicros() - second.ceTimeMicros()));
            d.add(ms(second.seenMicros() - second.kafkaMicros()));
            total.add(ms(second.seenMicros() - first.ceTimeMicros()));
        }
        String read = "read by the bench";
        List<HopSummary> hops = List.of(
                HopSummary.of("a", ends.firstMade(), ends.firstSent(), a),
                HopSummary.of("b", ends.firstSent(), ends.secondMade(), b),
                HopSummary.of("c", ends.secondMade(), ends.secondSent(), c),
                HopSummary.of("d", ends.secondSent(), read, d));
        return new HopSplit(journeys, a.size(), types.isEmpty() ? null : String.join(",", types), records, atCeTime,
                hops, HopSummary.of("total", ends.firstMade(), read, total));
    }

    private static double ms(long micros) {
        return micros / 1000d;
    }
}
