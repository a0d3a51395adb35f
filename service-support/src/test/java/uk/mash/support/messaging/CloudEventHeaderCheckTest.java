package uk.mash.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeaderCheckTest {

    private static RecordHeaders headers(Map<String, String> values) {
        RecordHeaders headers = new RecordHeaders();
        values.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static Map<String, String> valid() {
        return Map.of("ce_specversion", "1.0", "ce_id", "e-1", "ce_type", "mash.report.received.v1",
                "ce_source", "urn:mash:intake-service", "ce_time", "2026-11-20T22:15:00Z");
    }

    @Test
    void aReadableCloudEventPassesUntouched() {
        assertThat(CloudEventHeaderCheck.problem(headers(valid()))).isNull();
    }

    @Test
    void aTimeThatIsNotATimeIsNamed() {
        var values = new java.util.HashMap<>(valid());
        values.put("ce_time", "yesterday");
        assertThat(CloudEventHeaderCheck.problem(headers(values))).isEqualTo("ce_time is not an RFC 3339 time");
    }

    @Test
    void aSourceThatIsNotAUriAndAMissingIdAreNamed() {
        var values = new java.util.HashMap<>(valid());
        values.put("ce_source", "not a uri");
        assertThat(CloudEventHeaderCheck.problem(headers(values))).isEqualTo("ce_source is not a URI");
        values = new java.util.HashMap<>(valid());
        values.remove("ce_id");
        assertThat(CloudEventHeaderCheck.problem(headers(values))).isEqualTo("the CloudEvent has no ce_id");
    }

    @Test
    void anUnreadableRecordLosesItsSpecVersionAndCarriesTheReason() {
        var values = new java.util.HashMap<>(valid());
        values.put("ce_time", "yesterday");
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("mash.reports", 0, 7L, "k", "{}");
        headers(values).forEach(h -> record.headers().add(h));
        TopicPartition partition = new TopicPartition("mash.reports", 0);

        new CloudEventHeaderCheck().onConsume(new ConsumerRecords<>(Map.of(partition, List.of(record)), Map.of()));

        assertThat(record.headers().lastHeader("ce_specversion")).isNull();
        assertThat(new String(record.headers().lastHeader(CloudEventHeaderCheck.REFUSED).value(), StandardCharsets.UTF_8))
                .isEqualTo("ce_time is not an RFC 3339 time");
        assertThat(record.headers().lastHeader("ce_time")).as("the rest as received").isNotNull();
    }
}
