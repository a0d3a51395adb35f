package uk.mash.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CaseRead;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.outbox.OutboxEntry;
import uk.mash.outbox.OutboxStore;

/**
 * Everything routing publishes, written to the outbox inside the caller's transaction: so an event
 * leaves only if the change it reports was stored, and every event is keyed by its case.
 */
@ApplicationScoped
public class RoutingEvents {

    @Inject
    OutboxStore outbox;

    @Inject
    ObjectMapper mapper;

    /** {@code json} is the referral as its queue receives it (see {@link QueueAllowList}). */
    void routed(Route queue, UUID caseId, Instant routedAt, String json) {
        append(Queues.topic(queue), EventTypes.REFERRAL_ROUTED, caseId, routedAt, json);
    }

    void withdrawn(ReferralWithdrawn event) {
        append(Queues.topic(event.queue()), EventTypes.REFERRAL_WITHDRAWN, event.caseId(), event.withdrawnAt(),
                json(event));
    }

    void acknowledged(ReferralAcknowledged event) {
        append(Topics.ROUTING_EVENTS, EventTypes.REFERRAL_ACKNOWLEDGED, event.caseId(), event.acknowledgedAt(),
                json(event));
    }

    void escalated(ReferralEscalated event) {
        append(Topics.ROUTING_EVENTS, EventTypes.REFERRAL_ESCALATED, event.caseId(), event.escalatedAt(),
                json(event));
    }

    void caseRead(CaseRead event) {
        append(Topics.ACCESS_EVENTS, EventTypes.CASE_READ, event.caseId(), event.readAt(), json(event));
    }

    String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + data.getClass().getSimpleName(), e);
        }
    }

    private void append(String topic, String type, UUID caseId, Instant at, String json) {
        outbox.append(new OutboxEntry(0, UUID.randomUUID(), topic, type, caseId.toString(), caseId.toString(), at,
                json));
    }
}
