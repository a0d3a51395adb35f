package uk.mash.support.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
}
