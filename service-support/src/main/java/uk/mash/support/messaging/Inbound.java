package uk.mash.support.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way every service takes in events from Kafka. For each record:
 * <ul>
 *   <li>its CloudEvent attributes come from SmallRye's {@link IncomingCloudEventMetadata}; a record
 *       that is not a readable CloudEvent can never be processed;</li>
 *   <li>its {@code ce_id} is claimed in the {@link Inbox} in the same transaction as the handler's
 *       work, so a redelivered or replayed event changes nothing;</li>
 *   <li>a <em>transient</em> failure ({@link Failures}: database or broker away, serialization
 *       failure, deadlock) is not acknowledged: the record is retried with a growing pause, the
 *       service reports not-ready meanwhile, and it resumes by itself; the offset is not committed
 *       past it, so a restart meanwhile takes it up again;</li>
 *   <li>a <em>permanent</em> failure (unreadable, the wrong shape, against a rule, a defect) is sent
 *       to {@code mash.dead-letter} by the channel's dead-letter-queue strategy, with the reason and
 *       the original topic, partition and offset, and the records behind it go on.</li>
 * </ul>
 * A consumer calls it from an {@code @Incoming} method taking the {@code Message} and returns what it returns.
 */
@ApplicationScoped
public class Inbound {

    private static final Logger LOG = Logger.getLogger(Inbound.class);

    @Inject
    Inbox inbox;

    @Inject
    @Readiness
    InboundReadiness readiness;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "mash.inbound.first-pause", defaultValue = "PT0.2S")
    Duration firstPause;

    @ConfigProperty(name = "mash.inbound.max-pause", defaultValue = "PT10S")
    Duration maxPause;

    /**
     * Processes one record with {@code handler}, in a transaction of its own (the handler's own
     * {@code @Transactional} methods join it), and acknowledges or dead-letters it.
     *
     * @param consumer the consumer's name in the inbox and in readiness (its channel)
     */
    public CompletionStage<Void> process(String consumer, Message<String> message, Consumer<InboundEvent> handler) {
        InboundEvent event;
        try {
            event = read(message);
        } catch (PermanentFailure unreadable) {
            return deadLetter(consumer, message, null, unreadable);
        }
        Duration pause = firstPause;
        while (true) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.claim(consumer, event.id())) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                readiness.flowing(consumer);
                if (!first) {
                    LOG.debugf("%s: event %s processed already; redelivery dropped", consumer, event.id());
                }
                return message.ack();
            } catch (RuntimeException | Error failure) {
                if (!Failures.isTransient(failure)) {
                    readiness.flowing(consumer);
                    return deadLetter(consumer, message, event, failure);
                }
                readiness.waiting(consumer, failure);
                LOG.warnf("%s: event %s (%s) cannot be processed now (%s); not acknowledged, retrying in %s",
                        consumer, event.id(), event.type(), describe(failure), pause);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stopping) {
                    // the service is stopping: leave the record unacknowledged, to be taken up again
                    Thread.currentThread().interrupt();
                    return new CompletableFuture<>();
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    private InboundEvent read(Message<String> message) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class).orElseThrow(
                () -> new PermanentFailure(refusal(message)));
        if (ce.getId() == null || ce.getId().isBlank()) {
            throw new PermanentFailure("A CloudEvent without ce_id cannot be deduplicated");
        }
        if (ce.getType() == null || ce.getType().isBlank()) {
            throw new PermanentFailure("A CloudEvent without ce_type cannot be processed");
        }
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<Object, Object> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Inbound takes Kafka records only"));
        return InboundEvent.of(ce, kafka.getTopic(), kafka.getPartition(), kafka.getOffset(),
                kafka.getKey() == null ? null : kafka.getKey().toString(), message.getPayload(), mapper);
    }

    private static String refusal(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(CloudEventHeaderCheck.REFUSED))
                .map(h -> "Not a readable CloudEvent: " + new String(h.value(), StandardCharsets.UTF_8))
                .orElse("Not a CloudEvent: the record has no ce_specversion, ce_id, ce_type headers");
    }

    private CompletionStage<Void> deadLetter(String consumer, Message<String> message, InboundEvent event,
                                             Throwable failure) {
        PermanentFailure reason = failure instanceof PermanentFailure permanent ? permanent
                : new PermanentFailure("Processing failed: " + describe(failure));
        if (event == null) {
            LOG.warnf("%s: an unreadable record goes to the dead letters: %s", consumer, reason.getMessage());
        } else {
            LOG.warnf("%s: event %s (%s) from %s/%d/%d goes to the dead letters: %s", consumer, event.id(),
                    event.type(), event.topic(), event.partition(), event.offset(), reason.getMessage());
        }
        return message.nack(reason);
    }

    /** The failure's types along its causes, and a database's SQLState: never messages, which may quote values. */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailure permanent) {
                return out.append(out.length() == 0 ? "" : " < ").append(permanent.getMessage()).toString();
            }
            out.append(out.length() == 0 ? "" : " < ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return out.toString();
    }
}
