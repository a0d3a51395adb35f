package uk.mash.screening.query;

import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Rag;

/**
 * A request for information as the agency asked sees it in its list: the request, and of its case only
 * the id, reference and current rating (no people, no reports).
 *
 * @param rag the case's current rating (null: not yet rated)
 */
public record InformationRequestItem(UUID requestId, UUID caseId, String caseReference, Rag rag, Agency agency,
                                     String question, String requestedBy, Agency requestedByAgency,
                                     Instant requestedAt, Instant dueBy, String status, boolean overdue,
                                     String consentOverride, String answeredBy, Instant answeredAt,
                                     String declinedBy, Instant declinedAt, String declineReason) {

    static InformationRequestItem of(CaseView view, CaseView.InformationRequest r) {
        return new InformationRequestItem(r.requestId, view.caseId, view.reference, view.rag, r.agency, r.question,
                r.requestedBy, r.requestedByAgency, r.requestedAt, r.dueBy, r.status, r.overdue, r.consentOverride,
                r.answeredBy, r.answeredAt, r.declinedBy, r.declinedAt, r.declineReason);
    }
}
