package uk.mash.screening.infra;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, waking its readers (the case-view and case-events processors) only
 * once the events are in the database. Axon wakes them when its unit of work commits; when that unit
 * joined a JTA transaction already running (a screener's decision commits with the case directory),
 * its commit is not the database's, so the readers found nothing new and slept until their next fetch
 * ({@code mash.screening.event-fetch-delay}). Here the wake-up waits for the JTA transaction's commit.
 */
final class CommitAwareEventStore extends EmbeddedEventStore {

    private final TransactionManager jta;

    CommitAwareEventStore(Builder builder, TransactionManager jta) {
        super(builder);
        this.jta = jta;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        try {
            if (jta.getStatus() == Status.STATUS_ACTIVE) {
                jta.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        // nothing to do before the commit
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            CommitAwareEventStore.super.afterCommit(events);
                        }
                    }
                });
                return;
            }
        } catch (SystemException | jakarta.transaction.RollbackException e) {
            // cannot wait for the commit: wake the readers now, as Axon would; at worst they sleep one fetch delay
        }
        super.afterCommit(events);
    }
}
