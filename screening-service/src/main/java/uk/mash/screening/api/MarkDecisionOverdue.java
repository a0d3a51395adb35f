package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The overdue clock: the case reached its decisionDueBy without a decision. */
public record MarkDecisionOverdue(@TargetAggregateIdentifier UUID caseId, Instant now) {
}
