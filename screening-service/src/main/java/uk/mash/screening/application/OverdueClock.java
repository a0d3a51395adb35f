package uk.mash.screening.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import uk.mash.screening.api.MarkDecisionOverdue;
import uk.mash.screening.api.MarkInformationRequestOverdue;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.screening.query.InformationRequestStore;

/**
 * The overdue clock, kept in the database rather than in memory: every few seconds it asks the
 * case views which cases are past decisionDueBy with no decision, and which requests for information
 * are past dueBy unanswered, and tells each case. The due times are part of the case, so a restart
 * loses nothing; several instances may tell the same case, which records each overdue event once.
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

    @Scheduled(every = "${mash.screening.overdue-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
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
