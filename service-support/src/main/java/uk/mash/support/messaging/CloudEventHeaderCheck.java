package uk.mash.support.messaging;

import io.smallrye.reactive.messaging.kafka.impl.ce.KafkaCloudEventHelper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Guards SmallRye's CloudEvent reading from headers it cannot parse. SmallRye reads the
 * {@code ce_*} headers of a binary-mode record while it turns the record into a message, and a
 * {@code ce_time} that is not a time (or a {@code ce_source} that is not a URI) throws there,
 * outside any failure strategy: the channel stops for good and every record behind it waits. This
 * Kafka consumer interceptor (channel attribute {@code interceptor.classes}) checks those headers
 * first; a record whose CloudEvent attributes cannot be read loses its {@code ce_specversion}
 * header and gains {@link #REFUSED} with the reason, so it arrives as a plain record, which
 * {@link Inbound} dead-letters with that reason, and the stream goes on.
 */
public class CloudEventHeaderCheck implements ConsumerInterceptor<Object, Object> {

    /** Why the record's CloudEvent attributes could not be read. */
    public static final String REFUSED = "mash-cloudevent-refused";

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            Headers headers = record.headers();
            if (headers.lastHeader("ce_specversion") == null) {
                continue;
            }
            String problem = problem(headers);
            if (problem != null) {
                headers.remove("ce_specversion");
                headers.add(REFUSED, problem.getBytes(StandardCharsets.UTF_8));
            }
        }
        return records;
    }

    /** What SmallRye would fail on, or null. */
    static String problem(Headers headers) {
        if (!"1.0".equals(text(headers, "ce_specversion"))) {
            return "ce_specversion is not 1.0";
        }
        for (String required : new String[] {"ce_id", "ce_type", "ce_source"}) {
            String value = text(headers, required);
            if (value == null || value.isBlank()) {
                return "the CloudEvent has no " + required;
            }
        }
        for (String uri : new String[] {"ce_source", "ce_dataschema"}) {
            String value = text(headers, uri);
            if (value != null) {
                try {
                    URI.create(value);
                } catch (IllegalArgumentException e) {
                    return uri + " is not a URI";
                }
            }
        }
        String time = text(headers, "ce_time");
        if (time != null) {
            try {
                ZonedDateTime.parse(time, KafkaCloudEventHelper.RFC3339_DATE_FORMAT);
            } catch (RuntimeException e) {
                return "ce_time is not an RFC 3339 time";
            }
        }
        return null;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
