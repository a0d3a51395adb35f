package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Rag;

/**
 * {@code mash.case.information-request-answered.v1}: the agency asked shared what it knows ("nothing
 * known" is an answer). The answer is also the case's agency information, carrying its requestId.
 *
 * @param dueBy          the request's due time when it was answered (it follows the case's rating)
 * @param rag            the rating that due time was set by; null when the case was not yet rated (AMBER)
 * @param withinDueBy    whether {@code answeredAt} was at or before {@code dueBy}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InformationRequestAnswered(UUID caseId, UUID requestId, Agency agency, String answeredBy,
                                         Instant answeredAt, LegalBasis legalBasis, String summary,
                                         Instant requestedAt, Instant dueBy, Rag rag, boolean withinDueBy) {
}
