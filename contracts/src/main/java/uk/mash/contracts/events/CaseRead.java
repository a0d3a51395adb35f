package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;

/** {@code mash.access.case-read.v1} on {@code mash.access-events}: someone read a case's record. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseRead(UUID caseId, String sub, Agency agency, String service, String endpoint, Instant readAt) {
}
