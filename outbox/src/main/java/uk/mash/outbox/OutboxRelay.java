package uk.mash.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import uk.mash.support.messaging.CloudEventMessages;

/**
 * Publishes the outbox to Kafka (channel {@code outbox}; each entry names its topic), oldest first,
 * one replica of the service at a time, and marks an entry published only once the broker
 * has acknowledged it (acks=all), without waiting for the acknowledgements of what it sent before
 * ({@link #pass}). Woken at once after each commit, and polls as a backstop (a
 * restart, or entries left while Kafka was away). If the service dies between the broker's
 * acknowledgement and the mark, the entry is sent again with the same {@code ce_id}, which every
 * consumer drops: at-least-once on the wire, exactly-once as consumers see it.
 *
 * <p>A pass that fails (the database away) or leaves entries unacknowledged (Kafka away) is tried again
 * by SmallRye Fault Tolerance, for as long as it takes, after pauses that double from
 * {@code mash.outbox.poll-interval} up to {@code mash.outbox.max-backoff}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What one pass over the outbox did. */
    enum Pass {
        /** nothing was waiting */
        IDLE,
        /** entries went out, all of them acknowledged */
        PUBLISHED,
        /** some entries were not acknowledged: tried again after a pause */
        INCOMPLETE,
        /** another replica of the service is relaying: this one waits, as when idle */
        ANOTHER_RELAYS
    }

    @Inject
    OutboxStore outbox;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> kafka;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "mash.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /**
     * How long one pass goes on reading new entries before it commits its marks and lets the claim go
     * (see {@link #pass}); short, so a replica that dies leaves little to send again.
     */
    @ConfigProperty(name = "mash.outbox.pass-length", defaultValue = "PT0.5S")
    Duration passLength;

    /**
     * How long a pass whose entries are all acknowledged waits for another commit before it ends. At a
     * moderate rate (a report every 10-100 ms) the next entry then goes out in the same pass, so the
     * pass's transaction, claim, marks and commit are paid once a pass-length rather than once an entry;
     * an idle outbox ends its pass after this wait. Sending is never delayed by it: a commit wakes the pass.
     */
    @ConfigProperty(name = "mash.outbox.linger", defaultValue = "PT0.1S")
    Duration linger;

    @ConfigProperty(name = "mash.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "mash.outbox.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    @ConfigProperty(name = "mp.messaging.outgoing.outbox.delivery.timeout.ms", defaultValue = "120000")
    long deliveryTimeoutMs;

    /** The CloudEvents {@code ce_source} of everything this service publishes. */
    @ConfigProperty(name = "mash.outbox.source")
    URI source;

    private final BlockingQueue<Boolean> wakeUp = new ArrayBlockingQueue<>(1);
    /** A commit wrote an entry since the pass last read: something new to read (a broker's answer is not). */
    private final AtomicBoolean written = new AtomicBoolean();
    private volatile boolean running;
    private Thread thread;
    private Guard untilDone;

    void start(@Observes StartupEvent startup) {
        metrics.gauge("mash.outbox.pending", outbox, OutboxStore::pending);
        untilDone = Guard.create().withDescription("outbox-relay")
                .withRetry()
                    .maxRetries(-1)
                    .maxDuration(36_500, ChronoUnit.DAYS)   // for as long as the outage lasts
                    .delay(pollInterval.toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .abortOn(InterruptedException.class)
                    .whenResult(pass -> pass == Pass.INCOMPLETE)
                    .withExponentialBackoff().factor(2).maxDelay(maxBackoff.toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
        running = true;
        thread = new Thread(this::relay, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEntry.Written entry) {
        written.set(true);
        wake();
    }

    private void relay() {
        while (running) {
            try {
                Pass pass = untilDone.call(this::attempt, Pass.class);
                if (pass == Pass.IDLE || pass == Pass.ANOTHER_RELAYS) {
                    wakeUp.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warnf("Outbox relay stopped retrying (%s); starting again", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * A pass whose failure is logged before the guard retries it. Logged here rather than in the guard's
     * {@code beforeRetry}: that hook is also run before a retry for an INCOMPLETE result, where SmallRye Fault
     * Tolerance has no failure to give it and logs an IllegalArgumentException ("failure must be set") instead.
     */
    private Pass attempt() throws Exception {
        try {
            return pass();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("Outbox relay failed (%s); retrying", e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * One pass: entries sent as they come, and those acknowledged marked published, in one transaction
     * that first claims the outbox for this replica ({@link OutboxStore#claimRelay}). Replicas of a
     * service share its outbox; one relays at a time, so each entry is sent once in the normal case,
     * and in the order written, which keeps each case's events in order on its partition (the producer
     * is idempotent: its retries neither reorder nor repeat a partition's records). A replica that dies
     * mid-pass releases the claim with its connection; the next pass of a survivor takes over.
     *
     * <p>The pass does not wait for one read's acknowledgements before the next read: it reads what it
     * has not sent yet (every unpublished entry but those it sent and has not marked), hands it all to Kafka at once, and
     * collects the acknowledged ids as their answers arrive, to mark at its end. With nothing new to read it waits
     * for a commit's wake-up or a broker's answer, whichever comes first, so an entry written while earlier ones are in flight
     * goes out within milliseconds rather than after their acknowledgements. At most
     * {@code mash.outbox.batch-size} entries are in flight at once (the emitter's buffer stays bounded).
     *
     * <p>The pass stops reading when all it sent is acknowledged and no commit came within
     * {@code mash.outbox.linger} (so the marks are committed soon after the traffic pauses, and at a
     * moderate rate one pass carries many entries rather than one each), after
     * {@code mash.outbox.pass-length} (so under continuous traffic the marks are still committed regularly
     * and the claim is let go: a replica that dies loses at most one pass's marks, whose entries are then
     * sent again with the same {@code ce_id}), or at the broker's first refusal or timeout. It then waits
     * for what is in flight, marks what was acknowledged and commits. After a refusal the pass is
     * INCOMPLETE and tried again after a pause, from the oldest unpublished entry, so nothing is lost; an
     * entry refused while a later one was acknowledged goes out again after it (at-least-once, as before:
     * consumers drop a {@code ce_id} they have seen).
     *
     * <p>An entry committed after a later-numbered one the pass already sent (ids are taken at insert,
     * not at commit; intake's requests commit in any order) is read by the pass's next read like any
     * other, not left for the next pass: under a steady load a pass can last its whole pass-length.
     */
    Pass pass() throws Exception {
        wakeUp.clear();   // what committed before this reads anyway; a stale wake-up would only cost a read
        return QuarkusTransaction.requiringNew()
                .timeout((int) (passLength.toSeconds() + TimeUnit.MILLISECONDS.toSeconds(deliveryTimeoutMs) + 30))
                .call(() -> {
                    if (!outbox.claimRelay()) {
                        return Pass.ANOTHER_RELAYS;
                    }
                    InFlight inFlight = new InFlight(this::wake);
                    sendAsTheyCome(inFlight);
                    long answersBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deliveryTimeoutMs + 5_000);
                    while (inFlight.outstanding() > 0 && waitForSignal(answersBy)) {
                        // each answer wakes this thread; a wake-up for a new entry just loops
                    }
                    outbox.markPublished(inFlight.takeAcknowledged());
                    if (inFlight.sent() == 0) {
                        return Pass.IDLE;
                    }
                    if (inFlight.taken() == inFlight.sent()) {
                        return Pass.PUBLISHED;
                    }
                    LOG.warnf("Kafka accepted %d of %d outbox entries; retrying", inFlight.taken(), inFlight.sent());
                    return Pass.INCOMPLETE;
                });
    }

    /**
     * Reads and sends until the pass should stop reading (see {@link #pass}). It reads again only when a commit
     * has written an entry since its last read, or that read filled the room in flight: a broker's answer
     * alone brings nothing new to read. The acknowledged are marked published at the pass's end, in one
     * statement: no one else sees a mark before the pass commits, and its own reads leave out all it sent.
     * Only when that many reach the batch size are they marked sooner, to keep the reads' leave-out list short.
     */
    private void sendAsTheyCome(InFlight inFlight) throws InterruptedException {
        long stopReadingAt = System.nanoTime() + passLength.toNanos();
        boolean newWork = true; // at the pass's start: whatever is waiting
        while (!inFlight.failed() && System.nanoTime() - stopReadingAt < 0) {
            newWork |= written.getAndSet(false);
            int room = batchSize - inFlight.outstanding();
            if (newWork && room > 0) {
                if (inFlight.unmarkedCount() >= batchSize) {
                    outbox.markPublished(inFlight.takeAcknowledged());
                }
                List<OutboxEntry> entries = outbox.unpublishedBut(inFlight.unmarked(), room);
                for (OutboxEntry entry : entries) {
                    send(entry, inFlight);
                }
                newWork = entries.size() == room; // a full read: more may be waiting
                if (newWork) {
                    continue;
                }
            }
            if (!newWork && inFlight.outstanding() == 0) {
                if (written.get()) {
                    continue; // committed since the read: read it in this pass
                }
                // all answered and nothing new: the next commit within the linger joins this pass,
                // otherwise the marks are committed
                long lingerUntil = System.nanoTime() + linger.toNanos();
                if (!waitForSignal(lingerUntil - stopReadingAt < 0 ? lingerUntil : stopReadingAt)) {
                    return;
                }
                continue;
            }
            if (!waitForSignal(stopReadingAt)) {
                return;
            }
        }
    }

    private void send(OutboxEntry entry, InFlight inFlight) {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        inFlight.sent(entry.id(), delivered);
        try {
            kafka.send(CloudEventMessages.cloudEvent(entry.topic(), entry.eventId().toString(), entry.type(), source,
                    entry.subject(), entry.occurredAt(), entry.key(), entry.payload(), delivered));
        } catch (RuntimeException e) {
            // the channel refused it outright (closed, or its buffer full): as a refusal by the broker
            delivered.completeExceptionally(e);
        }
    }

    private void wake() {
        wakeUp.offer(Boolean.TRUE);
    }

    /** Waits for a commit's wake-up or a broker's answer; false when {@code until} (a nanoTime) came first. */
    private boolean waitForSignal(long until) throws InterruptedException {
        long left = until - System.nanoTime();
        return left > 0 && wakeUp.poll(left, TimeUnit.NANOSECONDS) != null;
    }
}
