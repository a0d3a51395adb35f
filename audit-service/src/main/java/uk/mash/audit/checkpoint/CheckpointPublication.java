package uk.mash.audit.checkpoint;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.mash.audit.messaging.CheckpointPublisher;
import uk.mash.contracts.events.CheckpointSigned;

/**
 * Puts every signed checkpoint on {@code mash.audit-checkpoints}, oldest first, and marks it
 * published only once the broker has it. The checkpoint file is its own outbox: one without its
 * mark is sent again, always with the same {@code ce_id} (a reader drops the repeat), until the
 * broker has it: at start (what a restart left unsent), at once after each new checkpoint, every
 * {@code mash.audit.checkpoint-publish-poll}, and while Kafka is away after waits that double up to
 * {@code mash.audit.checkpoint-publish-max-backoff}. A file whose signature does not verify is never sent.
 */
@ApplicationScoped
public class CheckpointPublication {

    private static final Logger LOG = Logger.getLogger(CheckpointPublication.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    @Inject
    CheckpointFiles files;

    @Inject
    CheckpointKey key;

    @Inject
    CheckpointPublisher publisher;

    @ConfigProperty(name = "mash.audit.checkpoint-publish-poll")
    Duration pollInterval;

    @ConfigProperty(name = "mash.audit.checkpoint-publish-max-backoff")
    Duration maxBackoff;

    @ConfigProperty(name = "mp.messaging.outgoing.audit-checkpoints.delivery.timeout.ms")
    long deliveryTimeoutMs;

    private final BlockingQueue<Boolean> wakeUp = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::relay, "checkpoint-publication");
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

    /** A new checkpoint was written: publish it now rather than at the next poll. */
    void wakeUp() {
        wakeUp.offer(Boolean.TRUE);
    }

    private void relay() {
        Duration backoff = FIRST_RETRY;
        while (running) {
            try {
                int left = publishPending();
                if (left == 0) {
                    backoff = FIRST_RETRY;
                    wakeUp.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    LOG.warnf("%d signed checkpoints are not on the topic yet; retrying in %s", left, backoff);
                    wakeUp.poll(backoff.toMillis(), TimeUnit.MILLISECONDS);
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Checkpoint publication failed (%s); retrying in %s", e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Sends the signed checkpoints not yet marked published, oldest first, and marks each the broker
     * acknowledged (acks=all).
     *
     * @return how many are still not published
     */
    int publishPending() throws InterruptedException {
        List<CheckpointFile> pending = files.unpublished().stream()
                .filter(f -> f.readable() && key.signed(f.checkpoint()))
                .sorted(Comparator.comparingLong((CheckpointFile f) -> f.checkpoint().sequence())
                        .thenComparing(f -> f.checkpoint().instant()))
                .toList();
        int left = pending.size();
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<CheckpointFile> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
            List<CompletableFuture<Void>> delivered = new ArrayList<>(batch.size());
            for (CheckpointFile file : batch) {
                delivered.add(publisher.publish(file.checkpoint().eventId(), event(file.checkpoint())));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deliveryTimeoutMs + 5_000);
            boolean all = true;
            for (int i = 0; i < batch.size(); i++) {
                try {
                    delivered.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    files.markPublished(batch.get(i));
                    left--;
                } catch (ExecutionException | TimeoutException e) {
                    all = false; // left unmarked: sent again on the next pass, with the same ce_id
                }
            }
            if (!all) {
                break;
            }
        }
        return left;
    }

    private static CheckpointSigned event(Checkpoint c) {
        return new CheckpointSigned(c.sequence(), c.hash(), c.instant(), c.signature(), c.keyId(), c.algorithm(),
                c.number(), c.previousSequence());
    }
}
