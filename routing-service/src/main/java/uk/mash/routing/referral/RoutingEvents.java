package uk.mash.routing.referral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.outbox.Outbox;

/**
 * Which topic each of routing's events goes to, written to the outbox inside the caller's
 * transaction: so an event leaves only if the change it reports was stored, and every event is
 * keyed by its case.
 */
@ApplicationScoped
public class RoutingEvents {

    @Inject
    Outbox outbox;

    /** {@code referral} is the referral as its queue receives it (see {@link QueueAllowList}). */
    void routed(Route queue, UUID caseId, Instant routedAt, ObjectNode referral) {
        outbox.publishPart(Queues.topic(queue), caseId, ReferralRouted.class, referral, routedAt);
    }

    void withdrawn(ReferralWithdrawn event) {
        outbox.publish(Queues.topic(event.queue()), event.caseId(), event, event.withdrawnAt());
    }

    void acknowledged(ReferralAcknowledged event) {
        outbox.publish(Topics.ROUTING_EVENTS, event.caseId(), event, event.acknowledgedAt());
    }

    void escalated(ReferralEscalated event) {
        outbox.publish(Topics.ROUTING_EVENTS, event.caseId(), event, event.escalatedAt());
    }
}
