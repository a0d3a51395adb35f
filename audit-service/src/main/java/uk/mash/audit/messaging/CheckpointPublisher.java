package uk.mash.audit.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CheckpointSigned;
import uk.mash.support.messaging.CloudEventMessages;

/** One signed checkpoint onto {@code mash.audit-checkpoints}, key {@code audit}, as a binary-mode CloudEvent. */
@ApplicationScoped
public class CheckpointPublisher {

    static final String KEY = "audit";

    @Inject
    @Channel("audit-checkpoints")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "mash.audit.source")
    URI source;

    /** Completes when the broker has the record (acks=all); fails when it could not be written. */
    public CompletableFuture<Void> publish(String eventId, CheckpointSigned checkpoint) {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        try {
            emitter.send(CloudEventMessages.cloudEvent(Topics.AUDIT_CHECKPOINTS, eventId, EventTypes.CHECKPOINT_SIGNED,
                    source, KEY, checkpoint.instant(), KEY, mapper.writeValueAsString(checkpoint), delivered));
        } catch (JsonProcessingException | RuntimeException e) {
            // a full buffer or a closed channel: not published this time, tried again on the next pass
            delivered.completeExceptionally(e);
        }
        return delivered;
    }
}
