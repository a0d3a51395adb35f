package uk.mash.screening.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Route;

/**
 * A screener records the decision. {@code routes} null means "the routes the outcome requires";
 * a decision on a decided case supersedes the last one and must say why.
 */
public record RecordDecision(@TargetAggregateIdentifier UUID caseId, UUID decisionId, Outcome outcome,
                             Set<Route> routes, String rationale, String supersedesReason, Actor decidedBy,
                             Instant decidedAt, @TargetAggregateVersion Long expectedVersion) {
}
