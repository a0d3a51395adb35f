package uk.mash.support.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
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
 * A consumer calls it from an {@code @Incoming} method taking the {@code Message} and returns what it
 * returns; or, to pay one transaction per batch rather than per record, from a method taking a
 * {@link KafkaRecordBatch} ({@link #processBatch}), with the same guarantees.
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
        return process(consumer, null, message, handler);
    }

    /**
     * As {@link #process(String, Message, Consumer)}, for a consumer that acts on some event types
     * only: a readable event of another type is acknowledged at once, with no transaction and no
     * inbox row. Ignoring it changes nothing, so neither does ignoring it again when redelivered;
     * its commit and inbox row were the whole cost of such an event (routing reads every case event
     * for the decisions among them). An unreadable record is still dead-lettered.
     *
     * @param types the {@code ce_type}s the handler acts on; null for every type
     */
    public CompletionStage<Void> process(String consumer, Set<String> types, Message<String> message,
                                         Consumer<InboundEvent> handler) {
        InboundEvent event;
        try {
            event = read(message);
        } catch (PermanentFailure unreadable) {
            return deadLetter(consumer, message, null, unreadable);
        }
        if (!concerns(types, event)) {
            return message.ack();
        }
        Throwable permanent;
        try {
            permanent = alone(consumer, event, handler);
        } catch (InterruptedException stopping) {
            return unacknowledged();
        }
        return permanent == null ? message.ack() : deadLetter(consumer, message, event, permanent);
    }

    /**
     * Processes a batch of records (a channel with {@code batch=true}) with {@code handler}, in ONE
     * transaction: every {@code ce_id} is claimed in the inbox by one statement and the handler runs
     * for those not processed before, in the batch's order (a partition's records in offset order,
     * so a case's events in the order they were published). Then the batch is acknowledged, which
     * commits each partition's offset past its last record.
     *
     * <p>The guarantees are those of {@link #process}, record by record: an unreadable record is
     * dead-lettered on its own; a transient failure is waited out for the whole batch, nothing of it
     * acknowledged meanwhile; a permanent failure rolls the batch back and it is processed again one
     * transaction per record, so only the record at fault goes to {@code mash.dead-letter} (by the
     * channel's dead-letter-queue strategy, with the same headers as a record consumed alone) and
     * the records around it are processed. Never is the batch itself nacked: SmallRye would send
     * every record of it to the dead letters.
     *
     * <p>Only events of {@code types} are handled: the others are acknowledged with the batch,
     * claimed in no inbox (as {@link #process(String, Set, Message, Consumer)}); a batch with none of
     * them costs no transaction.
     *
     * @param types the {@code ce_type}s the handler acts on; null for every type
     */
    public CompletionStage<Void> processBatch(String consumer, Set<String> types, KafkaRecordBatch<?, String> batch,
                                              Consumer<InboundEvent> handler) {
        return processBatch(consumer, types, batch, events -> { }, handler);
    }

    /**
     * As {@link #processBatch(String, Set, KafkaRecordBatch, Consumer)}, with {@code first} run once in
     * the batch's transaction, before the handler, on the events it is about to handle (in order): to
     * do at once what each event would do on its own, such as taking every lock the batch needs in one
     * order, so that two batches running at once never wait for each other in a circle. When the batch
     * is processed one event at a time (after a permanent failure), {@code first} is not run.
     */
    public CompletionStage<Void> processBatch(String consumer, Set<String> types, KafkaRecordBatch<?, String> batch,
                                              Consumer<List<InboundEvent>> first, Consumer<InboundEvent> handler) {
        try {
            List<Readable> readable = new ArrayList<>(batch.getRecords().size());
            for (KafkaRecord<?, String> record : batch.getRecords()) {
                try {
                    InboundEvent event = read(record);
                    if (concerns(types, event)) {
                        readable.add(new Readable(record, event));
                    }
                } catch (PermanentFailure unreadable) {
                    deadLetterAndWait(consumer, record, null, unreadable);
                }
            }
            if (!readable.isEmpty()) {
                Throwable permanent = together(consumer, readable, first, handler);
                if (permanent != null) {
                    LOG.infof("%s: a batch of %d events failed (%s); processing it one event at a time",
                            consumer, readable.size(), describe(permanent));
                    for (Readable r : readable) {
                        Throwable fault = alone(consumer, r.event(), handler);
                        if (fault != null) {
                            deadLetterAndWait(consumer, r.record(), r.event(), fault);
                        }
                    }
                }
            }
        } catch (InterruptedException stopping) {
            return unacknowledged();
        }
        return batch.ack();
    }

    private static boolean concerns(Set<String> types, InboundEvent event) {
        return types == null || types.contains(event.type());
    }

    /** A record of a batch and the event read from it. */
    private record Readable(KafkaRecord<?, String> record, InboundEvent event) {
    }

    /** One event in a transaction of its own: null once done (or found done before), else the permanent failure. */
    private Throwable alone(String consumer, InboundEvent event, Consumer<InboundEvent> handler)
            throws InterruptedException {
        return untilSettled(consumer, "event " + event.id() + " (" + event.type() + ")", () -> {
            if (inbox.claim(consumer, event.id())) {
                handler.accept(event);
            } else {
                LOG.debugf("%s: event %s processed already; redelivery dropped", consumer, event.id());
            }
        });
    }

    /** A batch's events in one transaction: null once done, else the permanent failure that rolled it back. */
    private Throwable together(String consumer, List<Readable> batch, Consumer<List<InboundEvent>> first,
                               Consumer<InboundEvent> handler) throws InterruptedException {
        List<String> ids = batch.stream().map(r -> r.event().id()).toList();
        return untilSettled(consumer, "a batch of " + batch.size() + " events", () -> {
            Set<String> fresh = inbox.claimAll(consumer, ids);
            if (fresh.size() < ids.size()) {
                LOG.debugf("%s: %d events of a batch processed already; redeliveries dropped", consumer,
                        ids.size() - fresh.size());
            }
            List<InboundEvent> events = new ArrayList<>(fresh.size());
            for (Readable r : batch) {
                // remove: an event twice in one batch (a replay that caught up) is handled once
                if (fresh.remove(r.event().id())) {
                    events.add(r.event());
                }
            }
            if (!events.isEmpty()) {
                first.accept(events);
                events.forEach(handler);
            }
        });
    }

    /**
     * Runs {@code work} in a new transaction until it commits, waiting out transient failures with
     * a growing pause (readiness not-ready meanwhile).
     *
     * @return null once committed; the failure when it is permanent (nothing of it committed)
     * @throws InterruptedException the service is stopping: what was not committed is left unacknowledged
     */
    private Throwable untilSettled(String consumer, String what, Runnable work) throws InterruptedException {
        Duration pause = firstPause;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                readiness.flowing(consumer);
                return null;
            } catch (RuntimeException | Error failure) {
                if (!Failures.isTransient(failure)) {
                    readiness.flowing(consumer);
                    return failure;
                }
                readiness.waiting(consumer, failure);
                LOG.warnf("%s: %s cannot be processed now (%s); not acknowledged, retrying in %s",
                        consumer, what, describe(failure), pause);
                pause = sleep(pause);
            }
        }
    }

    /** Sleeps {@code pause} and returns the next one, doubled up to the cap. */
    private Duration sleep(Duration pause) throws InterruptedException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw stopping;
        }
        return pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
    }

    /** The service is stopping: the record (or batch) stays unacknowledged, to be taken up again. */
    private static CompletionStage<Void> unacknowledged() {
        return new CompletableFuture<>();
    }

    /**
     * Dead-letters one record of a batch and waits until it is on {@code mash.dead-letter}, so the
     * batch's acknowledgement (which commits the offsets past it) can only follow. A broker that
     * cannot take it now is waited out like any transient failure.
     */
    private void deadLetterAndWait(String consumer, Message<String> record, InboundEvent event, Throwable failure)
            throws InterruptedException {
        Duration pause = firstPause;
        while (true) {
            try {
                deadLetter(consumer, record, event, failure).toCompletableFuture().get();
                readiness.flowing(consumer);
                return;
            } catch (ExecutionException notSent) {
                readiness.waiting(consumer, notSent.getCause());
                LOG.warnf("%s: a record could not be dead-lettered now (%s); not acknowledged, retrying in %s",
                        consumer, describe(notSent.getCause()), pause);
                pause = sleep(pause);
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
