package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Consent;
import uk.mash.contracts.Rag;

/**
 * {@code mash.case.information-requested.v1}: a screener asked another agency what it knows about the
 * people of a case. One event per agency asked.
 *
 * @param agency            the agency asked, whose own screener answers
 * @param requestedByAgency the asking screener's agency (from the token)
 * @param dueBy             {@code requestedAt} plus the limit of {@code rag} (a case not yet rated counts as AMBER)
 * @param rag               the case's rating when asked; null when the case was not yet rated
 * @param consent           the case's consent when asked
 * @param consentOverride   why sharing without consent is justified; required unless {@code consent} is GIVEN
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InformationRequested(UUID caseId, String caseReference, UUID requestId, Agency agency, String question,
                                   String requestedBy, Agency requestedByAgency, Instant requestedAt, Instant dueBy,
                                   Rag rag, Consent consent, String consentOverride) {
}
