package uk.mash.audit.checkpoint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CheckpointSigned;
import uk.mash.outbox.Outbox;

/**
 * Puts every signed checkpoint on {@code mash.audit-checkpoints} (key {@code audit}) through audit's
 * outbox, whose relay publishes it like any other entry: waiting out Kafka, oldest first, marked only
 * once the broker has it. A checkpoint's file is written outside the database, so it cannot share a
 * transaction with its outbox entry: a file not yet marked as handed over ({@code <name>.published},
 * as before) is handed over again at start, at once after each new checkpoint and every
 * {@code mash.audit.checkpoint-publish-poll}, always under the {@code ce_id} derived from what was
 * signed, which the outbox keeps once. A file whose signature does not verify is never sent.
 */
@ApplicationScoped
public class CheckpointPublication {

    static final String KEY = "audit";

    private static final Logger LOG = Logger.getLogger(CheckpointPublication.class);

    @Inject
    CheckpointFiles files;

    @Inject
    CheckpointKey key;

    @Inject
    Outbox outbox;

    void start(@Observes StartupEvent startup) {
        wakeUp();
    }

    @Scheduled(identity = "checkpoint-publication", every = "${mash.audit.checkpoint-publish-poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** A new checkpoint was written (or the service started): hand it over now rather than at the next poll. */
    void wakeUp() {
        try {
            handOver();
        } catch (RuntimeException e) {
            // the database away: the file stays unmarked and the next poll hands it over
            LOG.warnf("Signed checkpoints not handed to the outbox yet (%s); trying again at the next poll",
                    e.getClass().getSimpleName());
        }
    }

    /** Hands the signed checkpoints not yet marked to the outbox, oldest first; returns how many it handed over. */
    synchronized int handOver() {
        List<CheckpointFile> pending = files.unpublished().stream()
                .filter(f -> f.readable() && key.signed(f.checkpoint()))
                .sorted(Comparator.comparingLong((CheckpointFile f) -> f.checkpoint().sequence())
                        .thenComparing(f -> f.checkpoint().instant()))
                .toList();
        for (CheckpointFile file : pending) {
            Checkpoint c = file.checkpoint();
            QuarkusTransaction.requiringNew().run(() -> outbox.publishOnce(UUID.fromString(c.eventId()),
                    Topics.AUDIT_CHECKPOINTS, KEY, event(c), c.instant()));
            files.markPublished(file);
        }
        return pending.size();
    }

    private static CheckpointSigned event(Checkpoint c) {
        return new CheckpointSigned(c.sequence(), c.hash(), c.instant(), c.signature(), c.keyId(), c.algorithm(),
                c.number(), c.previousSequence());
    }
}
