package uk.mash.audit.checkpoint;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A signed checkpoint every {@code mash.audit.checkpoint-every} ("off" to disable), when the head moved. */
@ApplicationScoped
public class CheckpointSchedule {

    @Inject
    Checkpoints checkpoints;

    @Scheduled(every = "${mash.audit.checkpoint-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpoint() {
        checkpoints.createIfHeadMoved();
    }
}
