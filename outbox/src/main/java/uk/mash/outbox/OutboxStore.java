package uk.mash.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.mash.support.store.StoreException;

/**
 * The transactional outbox: events written in the same transaction as the state that caused
 * them, published afterwards by {@link OutboxRelay}. The table is this module's own migration,
 * {@code db/outbox/R__outbox.sql}, which each service adds to its Flyway locations.
 */
@ApplicationScoped
public class OutboxStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<OutboxEntry.Written> written;

    /**
     * Adds the entry inside the caller's transaction; the relay is woken once it commits. An entry
     * whose {@code ce_id} is in the outbox already is the same event handed over again (audit's
     * checkpoints carry an id derived from what was signed): it is kept once.
     *
     * @return whether it was added (false: that {@code ce_id} was there already)
     */
    public boolean append(OutboxEntry entry) {
        int added;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO outbox (event_id, topic, type, message_key, subject, occurred_at, payload)
                     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")) {
            s.setObject(1, entry.eventId());
            s.setString(2, entry.topic());
            s.setString(3, entry.type());
            s.setString(4, entry.key());
            s.setString(5, entry.subject());
            s.setTimestamp(6, Timestamp.from(entry.occurredAt()));
            s.setString(7, entry.payload());
            added = s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        if (added == 0) {
            return false;
        }
        written.fire(new OutboxEntry.Written());
        return true;
    }

    /**
     * Claims the outbox for the caller's transaction, or answers false at once when another replica's
     * relay holds it: a PostgreSQL advisory lock taken for the transaction, released when it ends or
     * its connection dies.
     */
    public boolean claimRelay() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The advisory lock's name: one relay per service database. */
    public static final String RELAY_LOCK = "outbox-relay";

    /**
     * The oldest unpublished entries but {@code leaveOut}, in the order they were written. A relay pass
     * leaves out what it has sent and not yet marked (what it marked, its own transaction sees as
     * published), so each read brings only what it has not sent yet, and under READ COMMITTED every
     * entry committed before the read: also one committed after a later-numbered one (ids are taken at
     * insert, not at commit), which a read of the ids after the last sent would miss.
     */
    public List<OutboxEntry> unpublishedBut(Set<Long> leaveOut, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, event_id, topic, type, message_key, subject, occurred_at, payload
                     FROM outbox WHERE published_at IS NULL AND id <> ALL (?) ORDER BY id LIMIT ?""")) {
            s.setArray(1, c.createArrayOf("bigint", leaveOut.toArray()));
            s.setInt(2, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new OutboxEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                            rs.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Deletes up to {@code limit} entries published more than {@code keep} ago (by the database's
     * clock, which also stamped {@code published_at}), oldest first, in a transaction of their
     * own; returns how many. Unpublished entries are never deleted, however old. The relay
     * publishes in id order, so the expired entries are the first ones along the primary key and
     * no index on {@code published_at} is needed.
     */
    public int deletePublishedBefore(Duration keep, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     DELETE FROM outbox WHERE id IN (
                         SELECT id FROM outbox WHERE published_at < now() - make_interval(secs => ?)
                         ORDER BY id LIMIT ?)""")) {
            s.setDouble(1, keep.toMillis() / 1000.0);
            s.setInt(2, limit);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public long pending() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
