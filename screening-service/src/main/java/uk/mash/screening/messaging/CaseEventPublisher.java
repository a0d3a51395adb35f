package uk.mash.screening.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.support.messaging.CloudEventMessages;

/**
 * Publishes every case event to {@code mash.case-events} (tracking processor "case-events"):
 * the event store is the outbox. {@code ce_id} is Axon's event identifier, so a re-sent event is
 * recognisable; the processor's token advances only once Kafka acknowledged the whole batch, so
 * nothing is lost while Kafka is away and publication resumes where it stopped.
 */
@ApplicationScoped
public class CaseEventPublisher {

    private static final String PENDING = "mash.case-events.pending";

    @Inject
    @Channel("case-events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<Object> kafka;

    @ConfigProperty(name = "mash.outbox.source")
    URI source;

    @ConfigProperty(name = "mash.screening.publish-timeout", defaultValue = "PT30S")
    Duration timeout;

    @EventHandler
    void publish(Object payload, EventMessage<?> event) {
        if (!EventTypes.isEvent(payload.getClass())) {
            return; // not part of the public contract
        }
        String type = EventTypes.typeOf(payload.getClass());
        String caseId = ((DomainEventMessage<?>) event).getAggregateIdentifier();
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        kafka.send(CloudEventMessages.cloudEvent(Topics.CASE_EVENTS, event.getIdentifier(), type, source, caseId,
                event.getTimestamp(), caseId, payload, delivered));
        pendingInThisBatch().add(delivered);
    }

    /** The batch's sends, awaited once before the processor commits its token. */
    private List<CompletableFuture<Void>> pendingInThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<CompletableFuture<Void>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing case events", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the case events; they will be sent again", e);
        }
    }
}
