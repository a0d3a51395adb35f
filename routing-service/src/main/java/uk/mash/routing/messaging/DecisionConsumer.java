package uk.mash.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.routing.referral.Routing;
import uk.mash.support.messaging.Inbound;
import uk.mash.support.messaging.InboundEvent;
import uk.mash.support.messaging.PermanentFailure;

/**
 * Consumes mash.case-events (group {@code routing}) and hands each recorded decision to
 * {@link Routing}; the case's other events are not routing's business, acknowledged as they come with
 * no transaction (most case events are openings and links). Through {@link Inbound}:
 * a redelivered event is dropped by its ce_id, a database or broker away is waited out, and only
 * a decision that can never be routed goes to mash.dead-letter.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String CONSUMER = "case-events";

    /** The only case events routing acts on; the others are acknowledged without a transaction. */
    private static final Set<String> DECISIONS = Set.of(EventTypes.DECISION_RECORDED);

    @Inject
    Inbound inbound;

    @Inject
    Routing routing;

    @Incoming(CONSUMER)
    // several decisions at a time (each mostly waits on PostgreSQL); those about one case one after
    // another in the order published (CaseTurns), and the offset is committed only up to the oldest
    // record not yet handled
    @Blocking(value = "decision-routing", ordered = false)
    public CompletionStage<Void> onCaseEvent(Message<String> record) {
        try {
            CaseTurns.awaitTurn(record);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new CompletableFuture<>(); // the service is stopping: left unacknowledged, taken up again
        }
        return inbound.process(CONSUMER, DECISIONS, record, event -> routing.route(decision(event)));
    }

    private static DecisionRecorded decision(InboundEvent event) {
        DecisionRecorded decision = event.data(DecisionRecorded.class);
        require(decision.caseId() != null, "caseId");
        require(decision.decisionId() != null, "decisionId");
        require(decision.outcome() != null, "outcome");
        require(decision.routes() != null, "routes");
        require(decision.routes().stream().allMatch(Objects::nonNull), "routes[]");
        return decision;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new PermanentFailure("The decision has no '" + field + "': it cannot be routed");
        }
    }
}
