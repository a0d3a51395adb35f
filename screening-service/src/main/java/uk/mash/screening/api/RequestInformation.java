package uk.mash.screening.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Agency;
import uk.mash.screening.command.InformationDeadlines;

/**
 * A screener asks other agencies what they know about the people of the case: one request per agency,
 * due by the limit of the case's current rating.
 */
public record RequestInformation(@TargetAggregateIdentifier UUID caseId, List<Agency> agencies, String question,
                                 String consentOverride, Actor requestedBy, Instant requestedAt,
                                 InformationDeadlines deadlines, @TargetAggregateVersion Long expectedVersion) {
}
