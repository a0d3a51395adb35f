package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Rag;
import uk.mash.screening.command.InformationDeadlines;

/** A screener sets or revises the case's Red/Amber/Green rating; its open requests are re-timed by {@code deadlines}. */
public record RateRisk(@TargetAggregateIdentifier UUID caseId, Rag rag, String rationale, Actor ratedBy,
                       Instant ratedAt, InformationDeadlines deadlines,
                       @TargetAggregateVersion Long expectedVersion) {
}
