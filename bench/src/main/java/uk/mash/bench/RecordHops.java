package uk.mash.bench;

import java.util.List;

/**
 * What latest.json's {@code acceptedHops} and {@code decisionHops} have in common ({@link HopSplit}'s figures),
 * so the summary prints both the same way; each names its journeys itself (reports, decisions).
 */
interface RecordHops {

    long samples();

    String kafkaTimestampType();

    long records();

    long recordsWithKafkaTimestampAtCeTime();

    List<HopSummary> hops();

    HopSummary total();
}
