package uk.mash.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes outbox entries published longer ago than {@code mash.outbox.keep-published}, so the
 * table does not grow forever and the events' personal data is not kept twice (Kafka and the
 * consumers hold it from then on). The few days kept are for looking into a recent incident.
 * Unpublished entries are never deleted. Deletes in batches, each its own short transaction, so
 * a large backlog (the first run after an upgrade) never holds one long transaction or lock.
 * Several instances may run it at once: they delete disjoint or already-deleted rows.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    @Inject
    OutboxStore outbox;

    @ConfigProperty(name = "mash.outbox.keep-published", defaultValue = "P3D")
    Duration keepPublished;

    @ConfigProperty(name = "mash.outbox.delete-batch-size", defaultValue = "1000")
    int batchSize;

    @Scheduled(identity = "outbox-retention", every = "${mash.outbox.delete-published-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        long deleted = 0;
        int batch;
        do {
            batch = outbox.deletePublishedBefore(keepPublished, batchSize);
            deleted += batch;
        } while (batch == batchSize);
        if (deleted > 0) {
            LOG.infof("Deleted %d outbox entries published more than %s ago", deleted, keepPublished);
        }
    }
}
