package uk.mash.audit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.contracts.Topics;

/**
 * The single appender: every topic, in batches, each batch appended in one transaction and only
 * then acknowledged (offsets committed). Ordered and blocking, so the chain has one writer.
 * Logs carry event ids, counts and sequences only: event data may be personal.
 */
@ApplicationScoped
public class AuditLogConsumer {

    private static final Logger LOG = Logger.getLogger(AuditLogConsumer.class);
    static final String DEAD_LETTER_TYPE = "mash.dead-letter";

    @Inject
    AuditLogStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mash.audit.append-attempts")
    int attempts;

    @ConfigProperty(name = "mash.audit.append-backoff")
    Duration backoff;

    private Counter appended;
    private Counter duplicates;
    private final AtomicLong head = new AtomicLong();

    @PostConstruct
    void meters() {
        appended = registry.counter("mash.audit.entries.appended");
        duplicates = registry.counter("mash.audit.duplicates.dropped");
        registry.gauge("mash.audit.head.sequence", head);
    }

    @Incoming("audit-log")
    @Blocking(ordered = true) // one batch at a time, in order: the single appender
    public void append(ConsumerRecords<String, String> records) throws InterruptedException {
        List<ReceivedEvent> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(received(record));
        }
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                AuditLogStore.Appended result = store.append(batch, clock.instant());
                appended.increment(result.appended());
                duplicates.increment(result.duplicates());
                head.set(result.head().sequence());
                LOG.debugf("Appended %d entries (%d duplicates dropped), head at %d", result.appended(),
                        result.duplicates(), result.head().sequence());
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    LOG.errorf("Could not append a batch of %d events after %d attempts (%s); not acknowledged",
                            batch.size(), attempt, e.getClass().getName());
                    throw e;
                }
                LOG.warnf("Appending a batch of %d events failed (%s), attempt %d of %d", batch.size(),
                        e.getClass().getName(), attempt, attempts);
                Thread.sleep(backoff.toMillis() * attempt);
            }
        }
    }

    /**
     * A record as an event of the log. A record without CloudEvents headers, or whose value is
     * not JSON, is still recorded (as text, under its Kafka coordinates). A dead letter is recorded
     * as itself, with all its headers, so it is never mistaken for the event it carries.
     */
    ReceivedEvent received(ConsumerRecord<String, String> record) {
        String coordinates = record.topic() + "/" + record.partition() + "/" + record.offset();
        JsonNode value = parse(record.value());
        Instant time = time(header(record, "ce_time"), record.timestamp());
        if (Topics.DEAD_LETTER.equals(record.topic())) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            ObjectNode headers = data.putObject("headers");
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            data.put("key", record.key());
            data.set("value", value);
            if (value.hasNonNull("caseId")) {
                data.set("caseId", value.get("caseId"));
            }
            return new ReceivedEvent(coordinates, DEAD_LETTER_TYPE, header(record, "ce_source"), time, data);
        }
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        return new ReceivedEvent(id == null || id.isBlank() ? coordinates : id, type == null ? "unknown" : type,
                header(record, "ce_source"), time, value);
    }

    private JsonNode parse(String value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode node = mapper.readTree(value);
            return node == null ? JsonNodeFactory.instance.textNode(value) : node;
        } catch (Exception e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    private static Instant time(String ceTime, long recordTimestamp) {
        if (ceTime != null) {
            try {
                return OffsetDateTime.parse(ceTime).toInstant();
            } catch (RuntimeException e) {
                // not a valid instant: the broker's timestamp stands in
            }
        }
        return Instant.ofEpochMilli(recordTimestamp);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
