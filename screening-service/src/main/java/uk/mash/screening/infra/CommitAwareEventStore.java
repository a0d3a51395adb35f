package uk.mash.screening.infra;

import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, waking its readers (the case-view and case-events processors) only
 * once the events are in the database. Axon wakes them when its unit of work commits; when that unit
 * joined a JTA transaction already running (a screener's decision commits with the case directory),
 * its commit is not the database's, so the readers found nothing new and slept until their next fetch
 * ({@code mash.screening.event-fetch-delay}). Here the wake-up waits for the JTA transaction's commit.
 * <p>
 * The readers of the other replicas are woken too: the transaction that stores the events also
 * notifies {@link CaseEventWakeUps#CHANNEL}, delivered by PostgreSQL when it commits.
 */
final class CommitAwareEventStore extends EmbeddedEventStore {

    private static final String NOTIFIED = CommitAwareEventStore.class.getName() + ".notified";

    private final TransactionManager jta;
    private final TransactionSynchronizationRegistry transaction;
    private final AgroalDataSource dataSource;

    CommitAwareEventStore(Builder builder, TransactionManager jta, TransactionSynchronizationRegistry transaction,
                          AgroalDataSource dataSource) {
        super(builder);
        this.jta = jta;
        this.transaction = transaction;
        this.dataSource = dataSource;
    }

    /**
     * A case's events, then those its unit of work has staged and not yet stored. Axon's own version
     * first looks for the case's latest snapshot; screening takes none (no snapshotter is configured),
     * so that look was a query finding nothing before every change to a case.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return DomainEventStream.concat(storageEngine().readEvents(aggregateIdentifier),
                DomainEventStream.of(stagedDomainEventMessages(aggregateIdentifier)));
    }

    /** Wakes this replica's readers: events were stored, here or by another replica. */
    void wakeReaders() {
        super.afterCommit(List.of());
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        // once a transaction (a batch of reports stores several cases' events in one): PostgreSQL
        // delivers one notification on its commit whatever the number of NOTIFYs
        if (transaction.getTransactionStatus() == Status.STATUS_ACTIVE) {
            if (transaction.getResource(NOTIFIED) != null) {
                return;
            }
            transaction.putResource(NOTIFIED, Boolean.TRUE);
        }
        // in the transaction that stores the events (the JTA-enlisted connection): delivered on its commit
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(CaseEventWakeUps.NOTIFY);
        } catch (SQLException e) {
            // the events are stored all the same; the other replicas find them at their next poll
        }
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
