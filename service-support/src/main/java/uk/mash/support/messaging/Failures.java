package uk.mash.support.messaging;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a passing failure from a lasting one, by the exception's cause chain. Transient: the
 * database or the broker could not be reached or refused for now (connection lost, server
 * shutting down or starting, serialization failure, deadlock, lock not available, out of
 * resources), or a write raced another. Everything else is the record's own fault (unreadable,
 * the wrong shape, breaks a rule) or a defect, and retrying it would only stop the records
 * behind it: it is dead-lettered, to be replayed once the cause is fixed.
 */
public final class Failures {

    /** SQLState classes and codes that say "not now" rather than "never". */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "55006", "25P04");
    /** Other libraries' "try again" exceptions, by class name so no module needs their jars. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException",
            "org.axonframework.modelling.command.ConcurrencyException",
            "org.axonframework.common.lock.LockAcquisitionFailedException",
            "jakarta.transaction.SystemException",
            // at commit: the transaction timed out or was rolled back under it (the handler's own
            // failures surface before the commit, as themselves)
            "jakarta.transaction.RollbackException",
            "io.agroal.api.exceptions.AcquisitionTimeoutException",
            "java.util.concurrent.TimeoutException");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (TRANSIENT_TYPES.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean transientState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // no state: the driver or the pool failed before the server answered (pool
            // acquisition timeout, connection attempt refused); a server's own refusal has one
            return true;
        }
        return TRANSIENT_SQL_STATES.contains(state)
                || state.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2));
    }
}
