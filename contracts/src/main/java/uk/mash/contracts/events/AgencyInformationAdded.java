package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.LegalBasis;

/** {@code mash.case.agency-information-added.v1}: an agency shared what it knows, on a legal basis. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyInformationAdded(UUID caseId, Agency agency, String sharedBy, Instant sharedAt,
                                     LegalBasis legalBasis, String summary) {
}
