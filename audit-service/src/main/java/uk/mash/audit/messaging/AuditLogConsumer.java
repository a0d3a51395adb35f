package uk.mash.audit.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.contracts.Topics;
import uk.mash.support.messaging.Failures;
import uk.mash.support.messaging.Inbound;
import uk.mash.support.messaging.InboundReadiness;

/**
 * The single appender: every topic, in batches, each batch appended in one transaction and only
 * then acknowledged (offsets committed). Ordered and blocking, so the chain has one writer. It
 * never stops appending:
 * <ul>
 *   <li>the database away (a {@link Failures#isTransient transient} failure): the batch is not
 *       acknowledged and is tried again, with a growing pause, for as long as the outage lasts;
 *       readiness shows {@code audit-log} waiting meanwhile, and it is ready again by itself;</li>
 *   <li>the database refusing the batch for good: it is appended record by record, so the one it
 *       refuses is found; that one is recorded in its lossless unstorable form (IncomingRecord),
 *       and only if even that is refused does it go to {@code mash.dead-letter}.</li>
 * </ul>
 * A record whose text PostgreSQL cannot hold (NUL, a lone surrogate, bytes that are not UTF-8, an
 * identifier too long to index) is known before any append and is recorded in that form at once.
 * Logs carry event ids, coordinates, counts and sequences only: event data may be personal.
 */
// made at start-up, not at the first record: its meters (the log head among them) are on
// /q/metrics from the start, also on a quiet day
@Startup
@ApplicationScoped
public class AuditLogConsumer {

    private static final Logger LOG = Logger.getLogger(AuditLogConsumer.class);
    /** The consumer's name in readiness (its channel). */
    static final String CONSUMER = "audit-log";

    @Inject
    AuditLogStore store;

    @Inject
    AuditDeadLetters deadLetters;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    @Readiness
    InboundReadiness readiness;

    @ConfigProperty(name = "mash.audit.retry-first-pause")
    Duration firstPause;

    @ConfigProperty(name = "mash.audit.retry-max-pause")
    Duration maxPause;

    private Counter appended;
    private Counter duplicates;
    private Counter unstorable;
    private Counter deadLettered;
    private final AtomicLong head = new AtomicLong();

    @PostConstruct
    void meters() {
        appended = registry.counter("mash.audit.entries.appended");
        duplicates = registry.counter("mash.audit.duplicates.dropped");
        unstorable = registry.counter("mash.audit.records.unstorable");
        deadLettered = registry.counter("mash.audit.records.dead-lettered");
        registry.gauge("mash.audit.head.sequence", head);
    }

    @Incoming("audit-log")
    @Blocking(ordered = true) // one batch at a time, in order: the single appender
    public void append(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<IncomingRecord> batch = new ArrayList<>(records.count());
        List<ReceivedEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            IncomingRecord incoming = new IncomingRecord(record, mapper);
            batch.add(incoming);
            events.add(event(incoming));
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            appendedAll(waitingOut(() -> store.append(events, clock.instant())));
        } catch (RuntimeException refused) {
            LOG.warnf("The database refused a batch of %d events (%s); appending them one by one", batch.size(),
                    Inbound.describe(refused));
            for (int i = 0; i < batch.size(); i++) {
                appendAlone(batch.get(i), events.get(i));
            }
        }
    }

    private ReceivedEvent event(IncomingRecord incoming) {
        ReceivedEvent event = incoming.event();
        if (UnstorableRecord.is(event.data())) {
            LOG.warnf("Record %s cannot be stored as it is (%s); recording it in its unstorable form",
                    incoming.coordinates(), UnstorableRecord.reason(event.data()));
            unstorable.increment();
        }
        return event;
    }

    /** One record in a transaction of its own; what the database refuses, in its unstorable form; then the dead letters. */
    private void appendAlone(IncomingRecord incoming, ReceivedEvent event) throws InterruptedException {
        String reason;
        try {
            appendedAll(waitingOut(() -> store.append(List.of(event), clock.instant())));
            return;
        } catch (RuntimeException refused) {
            reason = "the database refused it: " + Inbound.describe(refused);
        }
        LOG.warnf("Record %s: %s; recording it in its unstorable form", incoming.coordinates(), reason);
        ReceivedEvent unstorableForm = incoming.unstorable(reason);
        try {
            appendedAll(waitingOut(() -> store.append(List.of(unstorableForm), clock.instant())));
            unstorable.increment();
            return;
        } catch (RuntimeException refusedAgain) {
            reason = reason + "; its unstorable form too: " + Inbound.describe(refusedAgain);
        }
        if (Topics.DEAD_LETTER.equals(incoming.record().topic())) {
            // sending a dead letter back to the topic it came from would bring it here again, for ever
            LOG.errorf("Dead letter %s cannot be recorded (%s); skipped, it stays on %s", incoming.coordinates(), reason,
                    Topics.DEAD_LETTER);
            return;
        }
        String deadLetterReason = reason;
        waitingOut(() -> deadLetters.send(incoming.record(), deadLetterReason).join());
        deadLettered.increment();
        LOG.errorf("Record %s cannot be recorded (%s); sent to %s", incoming.coordinates(), reason, Topics.DEAD_LETTER);
    }

    private void appendedAll(AuditLogStore.Appended result) {
        appended.increment(result.appended());
        duplicates.increment(result.duplicates());
        head.set(result.head().sequence());
        LOG.debugf("Appended %d entries (%d duplicates dropped), head at %d", result.appended(), result.duplicates(),
                result.head().sequence());
    }

    /**
     * Runs {@code attempt} until it succeeds, or fails for good (thrown); a transient failure (the
     * database or the broker away) is waited out with a growing pause, capped, while readiness shows
     * the appender waiting. Nothing is acknowledged meanwhile.
     */
    private <T> T waitingOut(Callable<T> attempt) throws InterruptedException {
        Duration pause = firstPause;
        while (true) {
            try {
                T result = attempt.call();
                readiness.flowing(CONSUMER);
                return result;
            } catch (Exception failure) {
                if (!Failures.isTransient(failure)) {
                    readiness.flowing(CONSUMER);
                    throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                }
                readiness.waiting(CONSUMER, failure);
                LOG.warnf("Cannot append now (%s); nothing acknowledged, trying again in %s", Inbound.describe(failure),
                        pause);
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }
}
