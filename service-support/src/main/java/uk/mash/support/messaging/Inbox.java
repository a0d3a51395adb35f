package uk.mash.support.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import uk.mash.support.store.StoreException;

/**
 * The CloudEvent ids each consumer has processed, in the service's own database (table
 * {@code inbox}, made by each service's migration). Claimed in the same transaction as the
 * event's effects: a redelivered or replayed event finds its id and changes nothing, and a
 * transaction that rolls back leaves the id free to be processed again.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    AgroalDataSource dataSource;

    /** True the first time; false when this consumer has processed this event already. */
    public boolean claim(String consumer, String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, consumer);
            s.setString(2, eventId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Claims several events in one statement: the ids this consumer had not processed yet (each
     * once, however often it is in {@code eventIds}). A batch pays one round trip, not one per event.
     */
    public Set<String> claimAll(String consumer, Collection<String> eventIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO inbox (consumer, event_id) SELECT DISTINCT ?, id FROM unnest(?) AS ids(id)"
                             + " ON CONFLICT DO NOTHING RETURNING event_id")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            Set<String> claimed = new HashSet<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getString(1));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
