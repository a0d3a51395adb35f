package uk.mash.routing.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.mash.contracts.ReferralStatus;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.outbox.CaseReads;
import uk.mash.routing.store.ReferralStore;
import uk.mash.routing.store.StoredReferral;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;

/**
 * A receiving team's queue: its referrals stay here, visible, until the team acknowledges them,
 * however long the team's own system is away. Who may use which queue is the web layer's check.
 */
@ApplicationScoped
public class ReceivingQueue {

    private static final Logger LOG = Logger.getLogger(ReceivingQueue.class);

    @Inject
    ReferralStore store;

    @Inject
    RoutingEvents events;

    @Inject
    CaseReads reads;

    @Inject
    Clock clock;

    /** A page of the queue; every case on it is recorded as read by the caller (one access event per case). */
    @Transactional
    public List<StoredReferral> read(Route queue, ReferralStatus status, UUID caseId, int page, int size,
                                     Caller caller, String endpoint) {
        List<StoredReferral> referrals = store.list(queue, status, caseId, size, (long) page * size);
        reads.record(caller, endpoint, referrals.stream().map(StoredReferral::caseId).toList());
        return referrals;
    }

    /**
     * The receiving team takes the referral. Acknowledging again answers as the first time did and
     * publishes nothing more; a withdrawn referral cannot be acknowledged.
     */
    @Transactional
    public StoredReferral acknowledge(Route queue, UUID referralId, String note, Caller caller, String endpoint) {
        StoredReferral referral = store.lockOnQueue(referralId, queue)
                .orElseThrow(() -> ProblemException.notFound("Referral " + referralId + " on the "
                        + Queues.pathName(queue) + " queue"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (referral.status() == ReferralStatus.WITHDRAWN) {
            throw ProblemException.conflict("referral-withdrawn",
                    "This referral was withdrawn by a later decision and cannot be acknowledged");
        }
        // the answer shows the referral: that is a read of the case
        reads.record(caller, endpoint, List.of(referral.caseId()));
        if (referral.status() == ReferralStatus.ACKNOWLEDGED) {
            return referral;
        }
        store.acknowledge(referralId, now, caller.sub(), caller.agency(), note);
        events.acknowledged(new ReferralAcknowledged(referralId, referral.caseId(), queue, caller.sub(),
                caller.agency(), now, note, !now.isAfter(referral.dueAt())));
        LOG.infof("Referral acknowledged: referralId=%s caseId=%s queue=%s", referralId, referral.caseId(), queue);
        return store.lockOnQueue(referralId, queue).orElseThrow();
    }
}
