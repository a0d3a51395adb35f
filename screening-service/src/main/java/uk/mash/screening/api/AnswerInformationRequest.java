package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.mash.contracts.Actor;
import uk.mash.contracts.LegalBasis;

/** The agency asked shares what it knows from its own records; "nothing known" is an answer. */
public record AnswerInformationRequest(@TargetAggregateIdentifier UUID caseId, UUID requestId, Actor answeredBy,
                                       LegalBasis legalBasis, String summary, Instant answeredAt,
                                       @TargetAggregateVersion Long expectedVersion) {
}
