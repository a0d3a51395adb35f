package uk.mash.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import uk.mash.support.store.StoreException;

/**
 * The lock every appender of every instance takes for its transaction (the chain has one writer at a time), and
 * what rebuilding the projections from the log does under it: clear and derive in one transaction, so no entry is
 * appended meanwhile that the derivation would miss, and no reader sees a projection half made.
 */
final class AppenderLock {

    /** Serialises every appender of every instance on one database. */
    private static final long KEY = 0x6d617368_61756469L;

    /** The projections' derivation, on the connection holding the lock: what it derived. */
    interface Derivation<T> {
        T derive(Connection c) throws SQLException;
    }

    private AppenderLock() {
    }

    /** Takes the lock for the connection's transaction, waiting for an append in progress. */
    static void take(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, KEY);
            lock.execute();
        }
    }

    /** Runs a rebuild in one transaction that holds the lock: committed whole, or rolled back. */
    static <T> T rebuild(DataSource dataSource, Derivation<T> derivation) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                take(c);
                T derived = derivation.derive(c);
                c.commit();
                return derived;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
