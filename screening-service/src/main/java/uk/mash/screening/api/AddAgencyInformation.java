package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.mash.contracts.Actor;
import uk.mash.contracts.LegalBasis;

/** A screener shares what their agency knows, on a legal basis. The agency is the screener's own. */
public record AddAgencyInformation(@TargetAggregateIdentifier UUID caseId, Actor sharedBy, LegalBasis legalBasis,
                                   String summary, Instant sharedAt, @TargetAggregateVersion Long expectedVersion) {
}
