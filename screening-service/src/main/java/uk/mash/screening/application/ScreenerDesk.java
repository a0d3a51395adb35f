package uk.mash.screening.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.eclipse.microprofile.faulttolerance.Retry;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.AnswerInformationRequest;
import uk.mash.screening.api.DeclineInformationRequest;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;
import uk.mash.screening.api.RequestInformation;

/**
 * What screeners do to a case. Each answers the case's version after the change.
 * <p>
 * A change the event store refused because another change to the case was stored at the same
 * moment (a report linked by the report consumer, here or on another replica) is made again on the
 * case as it now stands, a few times: the screener asked for it and nothing contradicts it. With
 * {@code If-Match} the second try meets the new version and is refused as 412, as it should be.
 */
@ApplicationScoped
@Retry(retryOn = ConcurrencyException.class, maxRetries = 4, delay = 50, jitter = 40)
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

    /**
     * The decision and the directory change commit together: the case's people are no longer "open".
     * A transaction of its own for each try (a refused insert leaves the transaction unusable).
     */
    public long recordDecision(RecordDecision command) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long version = commands.<Long>sendAndWait(command);
            directory.decided(command.caseId());
            return version;
        });
    }
}
