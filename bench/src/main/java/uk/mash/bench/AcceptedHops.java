package uk.mash.bench;

import java.util.List;
import java.util.Map;

/**
 * latest.json's {@code acceptedHops}: accepted → case of the latency phase, split at the times its two records
 * carry ({@link HopSplit}). Per report whose report and case records the bench both read: (a) the report's ce_time
 * on {@code mash.reports} (intake accepted it: its receivedAt, the 202's moment) → its Kafka timestamp (intake's
 * outbox relay handed it to the producer); (b) → the CaseOpened's (or ReportLinked's) ce_time (screening received
 * the report, looked its people up and stored the case's event); (c) → that record's Kafka timestamp (screening's
 * {@code case-events} processor handed it to the producer); (d) → the bench's consumer read it.
 *
 * @param reports reports accepted in the latency phase; the other fields as {@link HopSplit}'s
 */
record AcceptedHops(long reports, long samples, String kafkaTimestampType, long records,
                    long recordsWithKafkaTimestampAtCeTime, List<HopSummary> hops, HopSummary total)
        implements RecordHops {

    private static final HopSplit.Ends ENDS = new HopSplit.Ends("report accepted (ce_time)",
            "intake's record sent (Kafka timestamp)", "screening opened or joined its case (case event's ce_time)",
            "screening's record sent (Kafka timestamp)");

    static AcceptedHops of(Iterable<String> acceptedReports, Map<String, RecordStamps> reports,
                           Map<String, RecordStamps> caseEvents) {
        HopSplit s = HopSplit.of(acceptedReports, reports, caseEvents, ENDS);
        return new AcceptedHops(s.journeys(), s.samples(), s.kafkaTimestampType(), s.records(),
                s.recordsWithKafkaTimestampAtCeTime(), s.hops(), s.total());
    }
}
