package uk.mash.screening.infra;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.mash.support.messaging.Inbound;

/**
 * The screening processes sharing this database, as each sees them: every few seconds this one says
 * it is alive (its row in {@code screening_replica}, the database's clock so that replicas' clocks
 * need not agree) and counts those seen lately. The count gives this replica's fair share of each
 * case processor's segments: Axon's pooled processor claims no more than that and releases what it
 * holds beyond it, so two replicas carry half each; when one stops being seen, the share of the
 * survivor grows and it claims the rest as their claims expire.
 * <p>
 * While the database cannot be reached the last count stands: the segments already claimed stay
 * where they are.
 */
@ApplicationScoped
public class ScreeningReplicas {

    private static final Logger LOG = Logger.getLogger(ScreeningReplicas.class);

    private final UUID id = UUID.randomUUID();
    private final AtomicInteger seen = new AtomicInteger(1);

    @Inject
    AgroalDataSource dataSource;

    /** A replica not seen for this long is gone (three heartbeats missed). */
    @ConfigProperty(name = "mash.screening.replica-gone-after")
    Duration goneAfter;

    /** This replica's id, as its row and its log lines name it. */
    public UUID id() {
        return id;
    }

    /** The replicas seen lately, this one included (at least 1). */
    public int seen() {
        return seen.get();
    }

    /** This replica's fair share of {@code segments}: a whole share each, rounded up, so none is left unclaimed. */
    public int fairShare(int segments) {
        int replicas = Math.max(1, seen.get());
        return (segments + replicas - 1) / replicas;
    }

    @Scheduled(every = "${mash.screening.replica-heartbeat-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO screening_replica (replica_id, seen_at) VALUES (?, now())
                    ON CONFLICT (replica_id) DO UPDATE SET seen_at = now()""")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM screening_replica WHERE seen_at < now() - make_interval(secs => ?) * 10")) {
                s.setDouble(1, goneAfter.toMillis() / 1000.0);
                s.executeUpdate(); // long gone: kept a while only so that the count below never flickers
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM screening_replica WHERE seen_at >= now() - make_interval(secs => ?)")) {
                s.setDouble(1, goneAfter.toMillis() / 1000.0);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    int now = Math.max(1, rs.getInt(1));
                    int before = seen.getAndSet(now);
                    if (before != now) {
                        LOG.infof("Screening replica %s sees %d replica(s) (was %d)", id, now, before);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Replica heartbeat not recorded (%s); keeping the count of %d", Inbound.describe(e), seen.get());
        }
    }

    /** Stopping: the others need not wait for this one to be missed. Before the datasource closes. */
    void stop(@Observes @Priority(2) ShutdownEvent shutdown) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM screening_replica WHERE replica_id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Replica %s not removed (%s); the others will miss it", id, Inbound.describe(e));
        }
    }
}
