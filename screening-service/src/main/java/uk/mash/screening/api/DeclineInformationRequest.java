package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.mash.contracts.Actor;

/** The agency asked will not share, and says why. */
public record DeclineInformationRequest(@TargetAggregateIdentifier UUID caseId, UUID requestId, Actor declinedBy,
                                        String reason, Instant declinedAt,
                                        @TargetAggregateVersion Long expectedVersion) {
}
