package uk.mash.screening.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Rag;
import uk.mash.screening.query.CaseView;

/** {@code GET /api/v1/cases}: a page of cases, soonest decision first. */
public record CaseListResponse(List<Item> items, long total) {

    public record Item(UUID caseId, String reference, String status, Rag rag, Instant openedAt, Instant decisionDueBy,
                       boolean overdue, boolean reReferral, List<Concern> concerns,
                       List<CaseView.SubjectView> subjects) {

        static Item of(CaseView v) {
            return new Item(v.caseId, v.reference, v.status, v.rag, v.openedAt, v.decisionDueBy, v.overdue,
                    v.reReferral, v.concerns, v.subjects);
        }
    }
}
