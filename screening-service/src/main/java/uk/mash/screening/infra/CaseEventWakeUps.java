package uk.mash.screening.infra;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import uk.mash.screening.query.CaseViewUpdates;
import uk.mash.support.messaging.Inbound;

/**
 * Wake-ups across replicas. Every transaction that stores case events also says so on a PostgreSQL
 * channel ({@code NOTIFY}, which PostgreSQL delivers only if and when that transaction commits); each
 * replica listens on it and wakes its event store's readers at once, so a case event stored by one
 * replica reaches the processors of another in milliseconds, not at their next poll.
 * <p>
 * One connection per replica, held for listening; lost (the database restarted), it is opened again,
 * and meanwhile the readers still poll ({@code mash.screening.event-fetch-delay}), so nothing waits
 * for long and nothing is missed: a notification only says "look now".
 * <p>
 * The same connection hears which case views changed ({@link CaseViewUpdates#CHANNEL}), so a screener's
 * change answered by this replica is answered as soon as whichever replica folds it into the view commits.
 */
final class CaseEventWakeUps implements AutoCloseable {

    /** The channel: the same name in every replica of screening. */
    static final String CHANNEL = "mash_case_events_stored";
    /** The statement a transaction that stored case events runs before it commits. */
    static final String NOTIFY = "NOTIFY " + CHANNEL;

    private static final Logger LOG = Logger.getLogger(CaseEventWakeUps.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final AgroalDataSource dataSource;
    private final Runnable wakeReaders;
    private final Consumer<UUID> viewChanged;
    private final Thread listener;
    private volatile boolean running = true;

    CaseEventWakeUps(AgroalDataSource dataSource, Runnable wakeReaders, Consumer<UUID> viewChanged) {
        this.dataSource = dataSource;
        this.wakeReaders = wakeReaders;
        this.viewChanged = viewChanged;
        this.listener = new Thread(this::listen, "mash-case-event-wake-ups");
        this.listener.setDaemon(true);
    }

    void start() {
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    s.execute("LISTEN " + CaseViewUpdates.CHANNEL);
                }
                PGConnection postgres = c.unwrap(PGConnection.class);
                LOG.debugf("Listening for case events stored by any replica (%s)", CHANNEL);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        dispatch(notifications);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Not listening for case events stored by other replicas (%s); listening again in %s,"
                            + " the processors poll meanwhile", Inbound.describe(e), RECONNECT_AFTER);
                    pause();
                }
            }
        }
    }

    private void dispatch(PGNotification[] notifications) {
        boolean eventsStored = false;
        for (PGNotification notification : notifications) {
            if (CHANNEL.equals(notification.getName())) {
                eventsStored = true;
            } else if (CaseViewUpdates.CHANNEL.equals(notification.getName())) {
                try {
                    viewChanged.accept(UUID.fromString(notification.getParameter()));
                } catch (IllegalArgumentException notACaseId) {
                    // not ours to answer: nobody waits for it
                }
            }
        }
        if (eventsStored) {
            wakeReaders.run();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
    }
}
