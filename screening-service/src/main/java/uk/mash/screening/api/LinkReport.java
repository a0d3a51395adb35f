package uk.mash.screening.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.command.InformationDeadlines;

/** A report naming someone whose case awaits a decision joins that case. */
public record LinkReport(@TargetAggregateIdentifier UUID caseId, ReportReceived report, Instant linkedAt,
                         InformationDeadlines deadlines) {
}
