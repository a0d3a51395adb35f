package uk.mash.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The times one Kafka record carries and when the bench read it, all in microseconds since the
 * epoch on this machine's clock (the stack runs on it too).
 *
 * @param ceTimeMicros   its ce_time header: when the service made the event; -1 without one
 * @param kafkaMicros    its Kafka timestamp (a millisecond, times 1000)
 * @param timestampType  CreateTime (the producer's clock at send) or LogAppendTime (the broker's at append)
 * @param seenMicros     when the bench's consumer got it
 */
record RecordStamps(long ceTimeMicros, long kafkaMicros, String timestampType, long seenMicros) {

    static RecordStamps of(ConsumerRecord<?, ?> r, Instant seen) {
        Header time = r.headers().lastHeader("ce_time");
        long ce = time == null ? -1 : micros(Instant.parse(new String(time.value(), StandardCharsets.UTF_8)));
        return new RecordStamps(ce, r.timestamp() * 1000, r.timestampType().name, micros(seen));
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    /** Its Kafka timestamp is the very millisecond of its ce_time (as if copied from it). */
    boolean kafkaTimestampIsCeTimeMillisecond() {
        return ceTimeMicros >= 0 && ceTimeMicros / 1000 == kafkaMicros / 1000;
    }
}
