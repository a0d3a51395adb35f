package uk.mash.screening.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * ParkingPolicy in Axon 4.12's own DeadLetteringEventHandlerInvoker, as a tracking processor
 * drives it (each event in a unit of work), with an in-memory queue: what parks a case, what must
 * not, and that a parked case is handled again, in order, once its cause is gone.
 */
class ParkingPolicyTest {

    record Noted(String text) {
    }

    /** A projection that fails, for the cases told, with the failure told. */
    static class Projection {
        final List<String> applied = new ArrayList<>();
        final Map<String, RuntimeException> failing = new HashMap<>();

        @EventHandler
        void on(Noted noted, DomainEventMessage<?> event) {
            RuntimeException failure = failing.get(event.getAggregateIdentifier());
            if (failure != null) {
                throw failure;
            }
            applied.add(event.getAggregateIdentifier() + ":" + noted.text());
        }
    }

    private final Projection projection = new Projection();
    private final SequencedDeadLetterQueue<EventMessage<?>> parked = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
            .eventHandlers(projection)
            .queue(parked)
            .enqueuePolicy(new ParkingPolicy("case-view"))
            .transactionManager(NoTransactionManager.instance())
            .build();
    private final Map<String, Long> sequence = new HashMap<>();

    @Test
    void anEventItsHandlerCannotApplyParksItsCaseAndTheOtherCasesGoOn() throws Exception {
        projection.failing.put("case-a", new IllegalStateException("Event for a case with no view"));
        handle("case-a", "opened");
        handle("case-b", "opened");
        handle("case-a", "rated");

        assertThat(projection.applied).containsExactly("case-b:opened");
        assertThat(parked.contains("case-a")).isTrue();
        assertThat(parked.sequenceSize("case-a")).as("its later event waits behind it").isEqualTo(2);
        assertThat(parked.amountOfSequences()).isEqualTo(1);
    }

    @Test
    void aTransientFailureParksNothingAndIsNotTakenAsHandled() {
        projection.failing.put("case-a", new IllegalStateException("Could not read the view",
                new SQLTransientConnectionException("Connection refused", "08001")));

        // thrown out of the invoker: the processor's batch fails and is tried again from its token
        assertThatThrownBy(() -> handle("case-a", "opened")).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        assertThat(parked.amountOfSequences()).isZero();
        assertThat(projection.applied).isEmpty();
    }

    @Test
    void aParkedCaseIsHandledAgainInOrderOnceItsCauseIsGone() throws Exception {
        projection.failing.put("case-a", new IllegalStateException("Event for a case with no view"));
        handle("case-a", "opened");
        handle("case-a", "rated");

        projection.failing.clear();
        assertThat(invoker.processAny()).isTrue();

        assertThat(projection.applied).containsExactly("case-a:opened", "case-a:rated");
        assertThat(parked.amountOfSequences()).isZero();
    }

    @Test
    void aTransientFailureWhileAParkedCaseIsRetriedLeavesItParked() throws Exception {
        projection.failing.put("case-a", new IllegalStateException("Event for a case with no view"));
        handle("case-a", "opened");

        projection.failing.put("case-a", new IllegalStateException("Could not read the view",
                new SQLTransientConnectionException("Connection refused", "08001")));
        assertThat(invoker.processAny()).isFalse();

        assertThat(parked.sequenceSize("case-a")).isEqualTo(1);
        assertThat(projection.applied).isEmpty();
    }

    @Test
    void theCauseKeptWithAParkedCaseNamesTheFailureNeverItsMessage() throws Exception {
        projection.failing.put("case-a", new IllegalArgumentException("No subject called Sam Evans"));
        handle("case-a", "opened");

        DeadLetter<? extends EventMessage<?>> letter = parked.deadLetterSequence("case-a").iterator().next();
        assertThat(letter.cause()).hasValueSatisfying(cause -> {
            assertThat(cause.type()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(cause.message()).contains("IllegalArgumentException").doesNotContain("Sam");
        });
    }

    /** One event handled as a tracking processor does: in a unit of work, rolled back when handling throws. */
    private void handle(String caseId, String text) throws Exception {
        long next = sequence.merge(caseId, 0L, (last, zero) -> last + 1);
        EventMessage<?> event = new GenericDomainEventMessage<>("Case", caseId, next, new Noted(text));
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }
}
