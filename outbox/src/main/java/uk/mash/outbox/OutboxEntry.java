package uk.mash.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the outbox for the relay to publish it.
 *
 * @param eventId the CloudEvents {@code ce_id}: fixed when the entry is written, so a re-send is recognisable
 */
public record OutboxEntry(long id, UUID eventId, String topic, String type, String key, String subject,
                          Instant occurredAt, String payload) {

    /** Fired inside the writing transaction; observed after commit to wake the relay. */
    public record Written() {
    }
}
