package uk.mash.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to the test broker as another service would: binary-mode CloudEvents, or raw bytes for poison. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    /** Set while {@link #together} runs: sends not yet acknowledged. */
    private List<Future<RecordMetadata>> pending;

    public TopicWriter() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // records wait for flush(): each alone at once, those written together() in one request
        props.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code json} as a CloudEvent with the given id and type, and waits for the broker's acknowledgement. */
    public void cloudEvent(String topic, String key, String ceId, String ceType, String source, Instant time,
                           String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", ceId);
        header(record, "ce_type", ceType);
        header(record, "ce_source", source);
        header(record, "ce_subject", key);
        header(record, "ce_time", time.toString());
        header(record, "content-type", "application/json");
        send(record);
    }

    /** A CloudEvent with a fresh id, now. */
    public String cloudEvent(String topic, String key, String ceType, String source, String json) {
        String id = UUID.randomUUID().toString();
        cloudEvent(topic, key, id, ceType, source, Instant.now(), json);
        return id;
    }

    /** A record with exactly these headers (e.g. a CloudEvent whose {@code ce_time} is not a time): for poison-record tests. */
    public void withHeaders(String topic, String key, String value, java.util.Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> header(record, name, v));
        send(record);
    }

    /** Anything at all, headers or not: for poison-record tests. */
    public void raw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code writes} (calls of this writer) and sends what they write in one request, so that
     * records with one key land next to each other and a consumer polls them in one batch; waits
     * for the broker's acknowledgement of all of them.
     *
     * @return where each record was written (partition, offset), in the order written
     */
    public List<RecordMetadata> together(Runnable writes) {
        pending = new ArrayList<>();
        try {
            writes.run();
            producer.flush();
            List<RecordMetadata> written = new ArrayList<>();
            for (Future<RecordMetadata> sent : pending) {
                written.add(sent.get());
            }
            return written;
        } catch (Exception e) {
            throw new IllegalStateException("Could not write the records", e);
        } finally {
            pending = null;
        }
    }

    private void send(ProducerRecord<String, String> record) {
        if (pending != null) {
            pending.add(producer.send(record));
            return;
        }
        try {
            Future<RecordMetadata> sent = producer.send(record);
            producer.flush();
            sent.get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
