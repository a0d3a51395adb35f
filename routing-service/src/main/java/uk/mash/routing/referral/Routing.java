package uk.mash.routing.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.routing.store.ReferralStore;
import uk.mash.routing.store.StoredReferral;

/**
 * Turns a recorded decision into one referral per route. Exactly once as a receiving team sees
 * it: the consumed event id (the inbox), the decision, its referrals and their outbox entries are
 * written in one transaction, so a redelivered decision (same ce_id, or the same decision again)
 * finds its earlier rows and nothing is published twice.
 *
 * <p>A superseding decision routes again to its own routes and withdraws every referral of the
 * decision it replaces that still stands: where the new decision no longer routes to that queue,
 * the withdrawal is the team's signal to stop; where it does, the new referral replaces the old
 * one (README, "Supersede").
 */
@ApplicationScoped
public class Routing {

    /** What became of a decision event. */
    public enum Result {
        ROUTED,
        /** Seen before: the same decisionId under another ce_id (the same ce_id is dropped by the inbox). */
        DUPLICATE,
        /** A decision that replaces it was routed already: routing it now would undo the newer one. */
        SUPERSEDED_ALREADY
    }

    private static final Logger LOG = Logger.getLogger(Routing.class);

    @Inject
    ReferralStore store;

    @Inject
    RoutingEvents events;

    @Inject
    EscalationLimits limits;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Transactional
    public Result route(DecisionRecorded decision) {
        store.lockCase(decision.caseId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!store.recordDecision(decision.decisionId(), decision.caseId(), decision.supersedes(), now)) {
            LOG.infof("Decision already routed, dropped: decisionId=%s", decision.decisionId());
            return Result.DUPLICATE;
        }
        if (store.isSuperseded(decision.decisionId())) {
            LOG.infof("Decision arrived after the decision superseding it, not routed: decisionId=%s",
                    decision.decisionId());
            return Result.SUPERSEDED_ALREADY;
        }
        Map<Route, UUID> routed = new EnumMap<>(Route.class);
        for (Route queue : new LinkedHashSet<>(decision.routes())) {
            routed.put(queue, referTo(queue, decision, now));
        }
        if (decision.supersedes() != null) {
            withdrawSuperseded(decision, routed, now);
        }
        LOG.infof("Decision routed: decisionId=%s caseId=%s outcome=%s queues=%s supersedes=%s",
                decision.decisionId(), decision.caseId(), decision.outcome(), routed.keySet(), decision.supersedes());
        return Result.ROUTED;
    }

    private UUID referTo(Route queue, DecisionRecorded d, Instant now) {
        UUID referralId = UUID.randomUUID();
        ReferralRouted full = new ReferralRouted(referralId, d.caseId(), d.caseReference(), queue, d.decisionId(),
                d.outcome(), d.rag(), d.rationale(), d.decidedAt(), now, d.concerns(), d.subjects(),
                d.policeReferences());
        ObjectNode referral = QueueAllowList.referralFor(queue, full, mapper);
        store.insert(StoredReferral.routed(referralId, d.decisionId(), d.caseId(), d.caseReference(), queue,
                d.outcome(), d.rag(), now, limits.dueAt(d.rag(), now), json(referral)));
        events.routed(queue, d.caseId(), now, referral);
        metrics.counter("mash.referrals.routed", "queue", Queues.pathName(queue)).increment();
        return referralId;
    }

    private void withdrawSuperseded(DecisionRecorded d, Map<Route, UUID> routed, Instant now) {
        for (StoredReferral old : store.standingReferralsOf(d.supersedes())) {
            store.withdraw(old.referralId(), now, d.decisionId());
            UUID replacement = routed.get(old.queue());
            // a fixed reason, not the screener's free text: that may hold other agencies' information
            String reason = replacement == null
                    ? "Superseded: the new decision (" + d.outcome() + ") no longer routes to this queue."
                    : "Superseded: replaced by referral " + replacement + " for the new decision (" + d.outcome() + ").";
            events.withdrawn(new ReferralWithdrawn(old.referralId(), old.caseId(), old.queue(), d.supersedes(),
                    d.decisionId(), reason, now));
        }
    }

    /** The referral as stored: written by the same mapper as the outbox writes it, so the two are the same text. */
    private String json(ObjectNode referral) {
        try {
            return mapper.writeValueAsString(referral);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a referral", e);
        }
    }
}
