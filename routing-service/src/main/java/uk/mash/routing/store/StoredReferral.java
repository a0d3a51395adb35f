package uk.mash.routing.store;

import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.ReferralStatus;
import uk.mash.contracts.Route;

/**
 * A referral on a queue as routing keeps it.
 *
 * @param payload exactly what the queue received ({@code mash.referral.routed.v1} data, its allow-list applied)
 * @param dueAt   when it is escalated if still PENDING; fixed when routed
 */
public record StoredReferral(UUID referralId, UUID decisionId, UUID caseId, String caseReference, Route queue,
                             Outcome outcome, Rag rag, ReferralStatus status, Instant routedAt, Instant dueAt,
                             String payload, Instant acknowledgedAt, String acknowledgedBy,
                             Agency acknowledgedAgency, String acknowledgementNote, Instant escalatedAt,
                             Instant withdrawnAt, UUID withdrawnBy) {

    public static StoredReferral routed(UUID referralId, UUID decisionId, UUID caseId, String caseReference,
                                        Route queue, Outcome outcome, Rag rag, Instant routedAt, Instant dueAt,
                                        String payload) {
        return new StoredReferral(referralId, decisionId, caseId, caseReference, queue, outcome, rag,
                ReferralStatus.PENDING, routedAt, dueAt, payload, null, null, null, null, null, null, null);
    }
}
