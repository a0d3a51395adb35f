package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The overdue clock: a request reached its dueBy while still open. */
public record MarkInformationRequestOverdue(@TargetAggregateIdentifier UUID caseId, UUID requestId, Instant now) {
}
