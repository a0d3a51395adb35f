package uk.mash.screening.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import uk.mash.screening.api.MarkDecisionOverdue;
import uk.mash.screening.api.MarkInformationRequestOverdue;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.screening.query.InformationRequestStore;
import uk.mash.support.messaging.Inbound;

/**
 * The overdue clock, kept in the database rather than in memory: every few seconds it asks the
 * case views which cases are past decisionDueBy with no decision, and which requests for information
 * are past dueBy unanswered, and tells each case. The due times are part of the case, so a restart
 * loses nothing. With several replicas one ticks at a time (a PostgreSQL advisory lock held for the
 * tick; the others skip theirs): the case would record each overdue event once anyway, but replicas
 * telling the same cases at once would only race each other for them.
 */
@ApplicationScoped
public class OverdueClock {

    private static final Logger LOG = Logger.getLogger(OverdueClock.class);

    @Inject
    CaseViewStore views;

    @Inject
    InformationRequestStore requests;

    @Inject
    CommandGateway commands;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    /** The lock's name; {@code hashtextextended} makes it the advisory lock's number. */
    public static final String LOCK = "screening:overdue-clock";

    @Scheduled(every = "${mash.screening.overdue-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        // a session lock on a connection kept for the tick: released when the tick ends, or when the
        // replica dies and its connection with it
        try (Connection c = dataSource.getConnection()) {
            if (!advisoryLock(c, "pg_try_advisory_lock")) {
                return; // another replica is telling the cases now
            }
            try {
                tellOverdueCases();
            } finally {
                advisoryLock(c, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            LOG.warnf("The overdue clock could not tick (%s); trying again next tick", Inbound.describe(e));
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(hashtextextended(?, 0))")) {
            s.setString(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void tellOverdueCases() {
        Instant now = clock.instant();
        for (var caseId : views.dueWithoutDecision(now, 500)) {
            try {
                commands.sendAndWait(new MarkDecisionOverdue(caseId, now));
            } catch (RuntimeException e) {
                LOG.warnf("Could not mark case %s overdue (%s); trying again next tick", caseId,
                        e.getClass().getSimpleName());
            }
        }
        for (var due : requests.dueUnanswered(now, 500)) {
            try {
                commands.sendAndWait(new MarkInformationRequestOverdue(due.caseId(), due.requestId(), now));
            } catch (RuntimeException e) {
                LOG.warnf("Could not mark request %s of case %s overdue (%s); trying again next tick", due.requestId(),
                        due.caseId(), e.getClass().getSimpleName());
            }
        }
    }
}
