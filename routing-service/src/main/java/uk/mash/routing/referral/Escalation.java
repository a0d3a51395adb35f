package uk.mash.routing.referral;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.routing.store.ReferralStore;
import uk.mash.routing.store.StoredReferral;

/**
 * The escalation clock. Each referral's due time is written when it is routed, so the clock is
 * the database's: after a restart (or with changed limits) every referral still falls due when it
 * was going to, and the next tick escalates whatever fell due while the service was away.
 */
@ApplicationScoped
public class Escalation {

    private static final Logger LOG = Logger.getLogger(Escalation.class);
    private static final int BATCH = 500;

    @Inject
    ReferralStore store;

    @Inject
    RoutingEvents events;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Scheduled(identity = "escalation-clock", every = "${mash.routing.escalation.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        while (escalateDue() == BATCH) {
            // a full batch: more may be due
        }
    }

    /** Escalates up to one batch of referrals PENDING past their due time; returns how many. */
    @Transactional
    public int escalateDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<StoredReferral> due = store.escalateDue(now, BATCH);
        for (StoredReferral r : due) {
            events.escalated(new ReferralEscalated(r.referralId(), r.caseId(), r.queue(), r.rag(), r.routedAt(),
                    Duration.between(r.routedAt(), r.dueAt()), now));
            LOG.infof("Referral escalated: referralId=%s caseId=%s queue=%s", r.referralId(), r.caseId(), r.queue());
        }
        metrics.counter("mash.referrals.escalated").increment(due.size());
        return due.size();
    }
}
