package uk.mash.screening.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.AnswerInformationRequest;
import uk.mash.screening.api.DeclineInformationRequest;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;
import uk.mash.screening.api.RequestInformation;

/** What screeners do to a case. Each answers the case's version after the change. */
@ApplicationScoped
public class ScreenerDesk {

    @Inject
    CommandGateway commands;

    @Inject
    CaseDirectory directory;

    public long addAgencyInformation(AddAgencyInformation command) {
        return commands.sendAndWait(command);
    }

    public long rateRisk(RateRisk command) {
        return commands.sendAndWait(command);
    }

    public long requestInformation(RequestInformation command) {
        return commands.sendAndWait(command);
    }

    public long answer(AnswerInformationRequest command) {
        return commands.sendAndWait(command);
    }

    public long decline(DeclineInformationRequest command) {
        return commands.sendAndWait(command);
    }

    /** The decision and the directory change commit together: the case's people are no longer "open". */
    @Transactional
    public long recordDecision(RecordDecision command) {
        long version = commands.<Long>sendAndWait(command);
        directory.decided(command.caseId());
        return version;
    }
}
