package uk.mash.audit.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CaseRead;
import uk.mash.support.messaging.CloudEventMessages;
import uk.mash.support.security.Caller;

/** An auditor's read of a case is a read like any other: published to mash.access-events (and so logged). */
@ApplicationScoped
public class CaseReadPublisher {

    private static final Logger LOG = Logger.getLogger(CaseReadPublisher.class);

    @Inject
    @Channel("access-events")
    Emitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mash.audit.source")
    URI source;

    public void caseRead(UUID caseId, Caller caller, String endpoint) {
        Instant now = clock.instant();
        CaseRead read = new CaseRead(caseId, caller.sub(), caller.agency(), "audit-service", endpoint, now);
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        delivered.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf("Case read %s could not be published (%s)", id, failure.getClass().getName());
            }
        });
        try {
            emitter.send(CloudEventMessages.cloudEvent(Topics.ACCESS_EVENTS, id, EventTypes.CASE_READ, source,
                    caseId.toString(), now, caseId.toString(), mapper.writeValueAsString(read), delivered));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
