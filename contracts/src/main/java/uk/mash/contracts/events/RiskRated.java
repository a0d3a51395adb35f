package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Rag;

/** {@code mash.case.risk-rated.v1}: the case's RAG rating was set or revised. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskRated(UUID caseId, Rag rag, String rationale, String ratedBy, Agency agency, Instant ratedAt) {
}
