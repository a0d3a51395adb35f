package uk.mash.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import uk.mash.contracts.EventTypes;

/**
 * How a service publishes an event of the contract: {@code outbox.publish(Topics.CASE_EVENTS, caseId, event)}
 * writes it to the outbox inside the caller's transaction, and {@link OutboxRelay} puts it on Kafka once
 * that commits. Everything a CloudEvent needs is decided here, once: {@code ce_type} from the event's
 * record ({@link EventTypes#typeOf}), {@code ce_id} a new UUID (kept by every re-send), {@code ce_subject}
 * and the Kafka key the given key, {@code ce_time} the event's own time (or now), {@code ce_source} the
 * service's {@code mash.outbox.source}; the data is the event serialised by the service's Jackson mapper.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Publishes {@code event}, keyed (and its {@code ce_subject}) by {@code key}, as having happened now. */
    public UUID publish(String topic, Object key, Record event) {
        return publish(topic, key, event, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Publishes {@code event} as having happened at {@code occurredAt} (its {@code ce_time}); returns its {@code ce_id}. */
    public UUID publish(String topic, Object key, Record event, Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        append(eventId, topic, key, event.getClass(), occurredAt, json(event));
        return eventId;
    }

    /**
     * Publishes {@code event} under an id the caller derived (the same event handed over again, as
     * after a restart, gets the same {@code ce_id}); one already in the outbox is not added twice.
     *
     * @return whether it was added now
     */
    public boolean publishOnce(UUID eventId, String topic, Object key, Record event, Instant occurredAt) {
        return append(eventId, topic, key, event.getClass(), occurredAt, json(event));
    }

    /**
     * Publishes part of an event of type {@code eventType}: {@code data} is that event's JSON with fields
     * left out (routing's referral as a queue may receive it); the type is still the record's.
     */
    public UUID publishPart(String topic, Object key, Class<? extends Record> eventType, JsonNode data,
                            Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        append(eventId, topic, key, eventType, occurredAt, json(data));
        return eventId;
    }

    private boolean append(UUID eventId, String topic, Object key, Class<?> eventType, Instant occurredAt,
                           String json) {
        String k = String.valueOf(key);
        return store.append(new OutboxEntry(0, eventId, topic, EventTypes.typeOf(eventType), k, k, occurredAt, json));
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + data.getClass().getSimpleName(), e);
        }
    }
}
