package uk.mash.screening.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells whoever waits for a case's view that it changed, so a screener's change is answered as soon as
 * the view shows it, without polling the database every few milliseconds (at 100 changes a second
 * that polling was thousands of queries a second on the cores the pipeline needs).
 * <p>
 * The view may be folded by this replica's processor or by another replica's (whichever holds the
 * case's segment). So the transaction that changes a view also runs {@code NOTIFY} on
 * {@link #CHANNEL} with the case id, which PostgreSQL delivers to every replica only once it commits;
 * each replica's listener calls {@link #changed}. The waiter still looks again every
 * {@code mash.screening.view-backstop} in case a notification is lost (the listener reconnecting): a notification only
 * says "look now".
 */
@ApplicationScoped
public class CaseViewUpdates {

    /** The channel: the same name in every replica of screening. */
    public static final String CHANNEL = "mash_case_view_changed";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** How often a waiter looks again without being told. */
    @ConfigProperty(name = "mash.screening.view-backstop", defaultValue = "PT0.25S")
    Duration backstop;

    /** The threads waiting for each case, woken on its change. */
    private final Map<UUID, Set<Thread>> waiting = new ConcurrentHashMap<>();

    /** In the view's transaction: announces the change to every replica, delivered when it commits. */
    void announce(UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, caseId.toString());
            s.execute();
        } catch (SQLException e) {
            // the view is saved all the same; a waiter finds it at its next look
        }
        // this replica's waiters need not wait for the notification's round trip
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        changed(caseId);
                    }
                }
            });
        }
    }

    /** The case's view changed (here or on another replica): its waiters look again. */
    public void changed(UUID caseId) {
        Set<Thread> threads = waiting.get(caseId);
        if (threads != null) {
            threads.forEach(LockSupport::unpark);
        }
    }

    /**
     * Waits until {@code version} reads at least {@code wanted}, or {@code wait} has passed.
     *
     * @return whether the view reached the version
     */
    public boolean await(UUID caseId, long wanted, LongSupplier version, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Thread me = Thread.currentThread();
        // added inside compute, so a set being emptied and dropped by another waiter is never joined
        waiting.compute(caseId, (id, threads) -> {
            Set<Thread> joined = threads == null ? ConcurrentHashMap.newKeySet() : threads;
            joined.add(me);
            return joined;
        });
        try {
            // registered before the first look, so a change between the look and the park still unparks
            while (version.getAsLong() < wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || me.isInterrupted()) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, backstop.toNanos()));
            }
            return true;
        } finally {
            waiting.computeIfPresent(caseId, (id, threads) -> {
                threads.remove(me);
                return threads.isEmpty() ? null : threads;
            });
        }
    }
}
