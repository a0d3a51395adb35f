package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;

/**
 * {@code mash.case.information-request-overdue.v1}: a request was still open at its due time. Published
 * once per request; a later re-rating that moves the due time does not take it back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InformationRequestOverdue(UUID caseId, String caseReference, UUID requestId, Agency agency,
                                        Instant dueBy, Instant overdueAt) {
}
