package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;

/** {@code mash.case.information-request-declined.v1}: the agency asked will not share, and says why. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InformationRequestDeclined(UUID caseId, UUID requestId, Agency agency, String declinedBy,
                                         Instant declinedAt, String reason) {
}
