package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** {@code mash.case.decision-overdue.v1}: no decision was recorded by {@code decisionDueBy}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionOverdue(UUID caseId, String caseReference, Instant decisionDueBy, Instant overdueAt) {
}
