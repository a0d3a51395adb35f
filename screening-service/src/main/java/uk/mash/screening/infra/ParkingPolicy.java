package uk.mash.screening.infra;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jboss.logging.Logger;
import uk.mash.support.messaging.Failures;
import uk.mash.support.messaging.Inbound;

/**
 * Whether a case is parked when a processing group's handler fails on one of its events: its
 * events are then held, in order, in the group's dead-letter queue while every other case goes on.
 * <ul>
 *   <li>An event the handler cannot apply, or a defect: the case is parked, with a cause naming
 *       the failure's types and SQLState, never its message (which may quote personal data).</li>
 *   <li>A transient failure (the database or Kafka away, {@link Failures}) must not park anything:
 *       an outage would park every case it touched. Declining is not enough: Axon 4.12's
 *       {@code DeadLetteringEventHandlerInvoker} logs an event the policy declines and goes on as
 *       if it was handled, and the token moves past it. So the failure is thrown again from here:
 *       the processor's batch fails, rolls back, and the processor tries it again from its token,
 *       with its own growing pause, as it did before there were dead letters.</li>
 *   <li>A transient failure while a parked case is retried ({@link ParkedCases}) leaves it parked,
 *       for the next retry.</li>
 * </ul>
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger LOG = Logger.getLogger(ParkingPolicy.class);

    private final String processingGroup;

    ParkingPolicy(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        String failure = Inbound.describe(cause);
        if (Failures.isTransient(cause)) {
            if (retryingAParkedCase()) {
                return Decisions.requeue(new ThrowableCause(cause.getClass().getName(), failure));
            }
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Handling failed for now (" + failure + "); the batch is tried again", cause);
        }
        if (!retryingAParkedCase()) {
            LOG.warnf("%s: case %s parked at event %s: %s", processingGroup, caseOf(letter.message()),
                    letter.message().getIdentifier(), failure);
        }
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), failure));
    }

    /** Axon puts the dead letter in the unit of work while it handles it again (as it resolves a DeadLetter parameter). */
    private static boolean retryingAParkedCase() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    private static String caseOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "(none)";
    }
}
