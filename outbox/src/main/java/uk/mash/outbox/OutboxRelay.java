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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import uk.mash.support.messaging.CloudEventMessages;

/**
 * Publishes the outbox to Kafka (channel {@code outbox}; each entry names its topic), oldest first,
 * one replica of the service at a time, and marks an entry published only once the broker
 * has acknowledged it (acks=all). Woken at once after each commit, and polls as a backstop (a
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
        /** a batch went out, all of it acknowledged */
        PUBLISHED,
        /** some of the batch was not acknowledged: tried again after a pause */
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
                    .beforeRetry(failure -> {
                        if (failure != null) {
                            LOG.warnf("Outbox relay failed (%s); retrying", failure.getClass().getSimpleName());
                        }
                    })
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

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEntry.Written written) {
        wakeUp.offer(Boolean.TRUE);
    }

    private void relay() {
        while (running) {
            try {
                Pass pass = untilDone.call(this::pass, Pass.class);
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
     * One batch: sent, and the acknowledged entries marked published, in one transaction that first
     * claims the outbox for this replica ({@link OutboxStore#claimRelay}). Replicas of a service share
     * its outbox; one relays at a time, so each entry is sent once in the normal case, and in the
     * order written, which keeps each case's events in order on its partition. A replica that dies
     * mid-pass releases the claim with its connection; the next pass of a survivor takes over.
     */
    Pass pass() throws Exception {
        return QuarkusTransaction.requiringNew()
                .timeout((int) TimeUnit.MILLISECONDS.toSeconds(deliveryTimeoutMs) + 30)
                .call(() -> {
                    if (!outbox.claimRelay()) {
                        return Pass.ANOTHER_RELAYS;
                    }
                    List<OutboxEntry> batch = outbox.unpublished(batchSize);
                    if (batch.isEmpty()) {
                        return Pass.IDLE;
                    }
                    List<Long> published = publish(batch);
                    outbox.markPublished(published);
                    if (published.size() == batch.size()) {
                        return Pass.PUBLISHED;
                    }
                    LOG.warnf("Kafka accepted %d of %d outbox entries; retrying", published.size(), batch.size());
                    return Pass.INCOMPLETE;
                });
    }

    /** Sends the batch and returns the ids the broker acknowledged. */
    private List<Long> publish(List<OutboxEntry> batch) throws InterruptedException {
        List<CompletableFuture<Void>> delivered = new ArrayList<>(batch.size());
        for (OutboxEntry entry : batch) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            delivered.add(done);
            kafka.send(CloudEventMessages.cloudEvent(entry.topic(), entry.eventId().toString(), entry.type(), source,
                    entry.subject(), entry.occurredAt(), entry.key(), entry.payload(), done));
        }
        List<Long> published = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deliveryTimeoutMs + 5_000);
        for (int i = 0; i < batch.size(); i++) {
            try {
                delivered.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(batch.get(i).id());
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // left unpublished: sent again on the next pass
            }
        }
        return published;
    }
}
