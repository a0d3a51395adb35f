package uk.mash.screening.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.mash.contracts.Actor;
import uk.mash.contracts.events.ReportReceived;

/** A report about people with no open case opens a new one. */
public record OpenCase(@TargetAggregateIdentifier UUID caseId, ReportReceived report, Instant openedAt,
                       Instant decisionDueBy, List<UUID> previousCaseIds) {

    public Actor submittedBy() {
        return report.submittedBy();
    }
}
