package uk.mash.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.intake.store.FeedbackStore;
import uk.mash.support.messaging.Inbound;
import uk.mash.support.messaging.InboundEvent;

/**
 * Feedback for referrers (consumer group {@code intake} on {@code mash.case-events}): a report
 * is SCREENING once a case opened for it or linked it, DECIDED with the outcome once its case
 * is decided. Nothing else of the case reaches intake. Through {@link Inbound}, a batch of records in
 * one transaction: a redelivered
 * event is dropped by its ce_id (an old decision redelivered would otherwise overwrite the
 * outcome that superseded it), a database away is waited out, an unreadable record is dead-lettered.
 */
@ApplicationScoped
public class CaseFeedbackConsumer {

    static final String CONSUMER = "case-events";

    /** What a referrer is told of; a batch's other events are acknowledged with it, in no inbox. */
    private static final Set<String> FEEDBACK = Set.of(EventTypes.CASE_OPENED, EventTypes.REPORT_LINKED,
            EventTypes.DECISION_RECORDED);

    @Inject
    Inbound inbound;

    @Inject
    FeedbackStore feedback;

    @Incoming(CONSUMER)
    @Blocking // in order: a case's events share a partition, and its decision must follow its opening
    public CompletionStage<Void> onCaseEvents(KafkaRecordBatch<String, String> records) {
        // one transaction per batch: a report's several events (opened, linked, decided) cost one commit
        return inbound.processBatch(CONSUMER, FEEDBACK, records, this::tellReferrer);
    }

    private void tellReferrer(InboundEvent event) {
        switch (event.type()) {
            case EventTypes.CASE_OPENED -> {
                CaseOpened opened = event.data(CaseOpened.class);
                InboundEvent.require(opened.caseId() != null && opened.reportId() != null, event.type(), "caseId, reportId");
                feedback.caseOpened(opened.caseId(), opened.reference(), opened.reportId());
            }
            case EventTypes.REPORT_LINKED -> {
                ReportLinked linked = event.data(ReportLinked.class);
                InboundEvent.require(linked.caseId() != null && linked.reportId() != null, event.type(), "caseId, reportId");
                feedback.reportJoined(linked.caseId(), linked.reportId());
            }
            case EventTypes.DECISION_RECORDED -> {
                DecisionRecorded decision = event.data(DecisionRecorded.class);
                InboundEvent.require(decision.caseId() != null && decision.outcome() != null, event.type(), "caseId, outcome");
                feedback.decided(decision.caseId(), decision.outcome().name());
            }
            default -> {
                // none: FEEDBACK lets no other type through (the referrer is told nothing of ratings,
                // information shared or deadlines)
            }
        }
    }
}
