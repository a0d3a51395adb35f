package uk.mash.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record on {@code mash.dead-letter}, as SmallRye's dead-letter-queue failure strategy wrote it:
 * the key, value and headers the consumer received (the CloudEvent's {@code ce_*} among them), and
 * {@code dead-letter-*} headers saying where it was read and why it could not be processed.
 * The key and value are carried for the replay, never shown: a value is personal data.
 */
record DeadLetter(Id id, Instant deadLetteredAt, String topic, Integer partition, Long offset, String ceType,
                  String ceId, String reason, byte[] key, byte[] value, Headers headers) {

    static final String TOPIC = "mash.dead-letter";
    /** Every header SmallRye adds starts with this; none belongs to the original record. */
    static final String HEADER_PREFIX = "dead-letter-";

    /** Where the record sits on {@code mash.dead-letter}: what {@code ./mash dead-letters} lists and replay takes. */
    record Id(int partition, long offset) {

        /** {@code PARTITION:OFFSET}, e.g. {@code 0:12}. */
        static Id parse(String text) {
            int colon = text.indexOf(':');
            try {
                if (colon > 0) {
                    Id id = new Id(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
                    if (id.partition >= 0 && id.offset >= 0) {
                        return id;
                    }
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("'" + text + "' is not a dead-letter id (PARTITION:OFFSET, as ./mash dead-letters lists them)");
        }

        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetter(new Id(record.partition(), record.offset()),
                record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? null : Instant.ofEpochMilli(record.timestamp()),
                text(headers, "dead-letter-topic"), number(headers, "dead-letter-partition", Integer::valueOf),
                number(headers, "dead-letter-offset", Long::valueOf), text(headers, "ce_type"), text(headers, "ce_id"),
                text(headers, "dead-letter-reason"), record.key(), record.value(), headers);
    }

    /** Whether it says where it came from: SmallRye always does; a record put there by hand may not. */
    boolean hasOrigin() {
        return topic != null && !topic.isBlank();
    }

    /**
     * The record as it was before it failed: to its original topic, with its key, value and
     * headers (so its {@code ce_id}, by which every consumer drops what it already processed),
     * without the {@code dead-letter-*} headers. The partition follows from the key, as it did
     * for the service that first published it.
     */
    ProducerRecord<byte[], byte[]> original() {
        Headers kept = new RecordHeaders();
        for (Header h : headers) {
            if (!h.key().startsWith(HEADER_PREFIX)) {
                kept.add(h);
            }
        }
        return new ProducerRecord<>(topic, null, key, value, kept);
    }

    /**
     * The header's first value: SmallRye puts its dead-letter-* headers before the record's own,
     * so if a record ever arrives carrying old ones, the first are those of this dead-lettering.
     */
    private static String text(Headers headers, String name) {
        for (Header h : headers.headers(name)) {
            return h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static <T> T number(Headers headers, String name, Function<String, T> parse) {
        String value = text(headers, name);
        try {
            return value == null ? null : parse.apply(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
