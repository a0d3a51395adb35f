package uk.mash.screening.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.RiskRated;

/**
 * Keeps the case views up to date from the event store (tracking processor "case-view"). Each
 * update commits with the processor's token, so a view is never ahead of or behind its token.
 */
@ApplicationScoped
public class CaseViewProjection {

    @Inject
    CaseViewStore views;

    @Inject
    InformationRequestStore requests;

    @Inject
    CaseViewUpdates updates;

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        CaseView view = CaseView.opened(event);
        view.version = sequence;
        // written unless replayed over a view that has it already, and announced to no one: a screener's
        // change waits for the version of the event it made, after the opening, so a NOTIFY for every
        // report that opens a case would wake no waiter on any replica (one there would still look
        // again at its backstop, CaseViewUpdates)
        views.save(view);
    }

    @EventHandler
    void on(ReportLinked event, @SequenceNumber long sequence) {
        update(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(AgencyInformationAdded event, @SequenceNumber long sequence) {
        update(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(RiskRated event, @SequenceNumber long sequence) {
        updateWithRequests(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(InformationRequested event, @SequenceNumber long sequence) {
        updateWithRequests(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(InformationRequestAnswered event, @SequenceNumber long sequence) {
        updateWithRequests(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(InformationRequestDeclined event, @SequenceNumber long sequence) {
        updateWithRequests(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(InformationRequestOverdue event, @SequenceNumber long sequence) {
        updateWithRequests(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(DecisionRecorded event, @SequenceNumber long sequence) {
        update(event.caseId(), sequence, view -> view.apply(event));
    }

    @EventHandler
    void on(DecisionOverdue event, @SequenceNumber long sequence) {
        update(event.caseId(), sequence, view -> view.apply(event));
    }

    private void update(UUID caseId, long sequence, Consumer<CaseView> change) {
        changed(caseId, sequence, change);
    }

    /** For the events that change a request, or the case's rating shown beside each request. */
    private void updateWithRequests(UUID caseId, long sequence, Consumer<CaseView> change) {
        CaseView view = changed(caseId, sequence, change);
        if (view != null) {
            requests.saveAll(view);
        }
    }

    /** The view after the change, saved; null when the event was folded in already. */
    private CaseView changed(UUID caseId, long sequence, Consumer<CaseView> change) {
        CaseView view = views.find(caseId)
                .orElseThrow(() -> new IllegalStateException("Event for a case with no view: " + caseId));
        if (view.version >= sequence) {
            return null; // seen already
        }
        change.accept(view);
        view.version = sequence;
        views.save(view);
        updates.announce(caseId);
        return view;
    }
}
