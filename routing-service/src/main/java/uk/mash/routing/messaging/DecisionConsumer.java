package uk.mash.routing.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.routing.referral.Routing;
import uk.mash.support.store.StoreException;

/**
 * Consumes mash.case-events (group {@code routing}) and hands each recorded decision to
 * {@link Routing}; the case's other events are not routing's business. A record that can never be
 * routed is thrown back as a {@link PoisonRecord}: SmallRye sends it to mash.dead-letter with the
 * reason and the stream goes on. A database that is away is waited for instead, so a good
 * decision is not dead-lettered for a passing outage.
 */
@ApplicationScoped
public class DecisionConsumer {

    private static final Logger LOG = Logger.getLogger(DecisionConsumer.class);

    @Inject
    Routing routing;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "mash.routing.retry-for", defaultValue = "PT2M")
    Duration retryFor;

    @Incoming("case-events")
    // several decisions at a time (each mostly waits on PostgreSQL); those about one case are
    // serialised by Routing's case lock, and the offset is committed only up to the oldest
    // record not yet handled
    @Blocking(value = "decision-routing", ordered = false)
    public void onCaseEvent(ConsumerRecord<String, String> record) throws InterruptedException {
        String type = header(record, "ce_type");
        if (type == null) {
            throw new PoisonRecord("Not a CloudEvent: the record has no ce_type header");
        }
        if (!EventTypes.DECISION_RECORDED.equals(type)) {
            return;
        }
        String eventId = header(record, "ce_id");
        if (eventId == null || eventId.isBlank()) {
            throw new PoisonRecord("A " + type + " record without a ce_id header cannot be deduplicated");
        }
        DecisionRecorded decision = read(record.value());
        routeRetrying(eventId, decision);
    }

    private void routeRetrying(String eventId, DecisionRecorded decision) throws InterruptedException {
        Instant giveUp = Instant.now().plus(retryFor);
        Duration pause = Duration.ofMillis(500);
        while (true) {
            try {
                routing.route(eventId, decision);
                return;
            } catch (StoreException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new PoisonRecord("The decision could not be stored within " + retryFor + ": " + e.getMessage());
                }
                LOG.warnf("Could not store decision %s (%s); retrying in %s", decision.decisionId(), e.getMessage(), pause);
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : pause.multipliedBy(2);
            }
        }
    }

    private DecisionRecorded read(String json) {
        if (json == null) {
            throw new PoisonRecord("A decision record without a value");
        }
        DecisionRecorded decision;
        try {
            decision = mapper.readValue(json, DecisionRecorded.class);
        } catch (JsonMappingException e) {
            throw new PoisonRecord("The decision's data does not match " + EventTypes.DECISION_RECORDED
                    + " at '" + path(e) + "' (" + e.getClass().getSimpleName() + ")");
        } catch (JsonProcessingException e) {
            throw new PoisonRecord("The decision's data is not well-formed JSON (" + e.getClass().getSimpleName()
                    + " at line " + location(e) + ")");
        }
        if (decision == null) {
            throw new PoisonRecord("The decision's data is JSON null");
        }
        require(decision.caseId() != null, "caseId");
        require(decision.decisionId() != null, "decisionId");
        require(decision.outcome() != null, "outcome");
        require(decision.routes() != null, "routes");
        require(decision.routes().stream().allMatch(java.util.Objects::nonNull), "routes[]");
        return decision;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new PoisonRecord("The decision has no '" + field + "': it cannot be routed");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
