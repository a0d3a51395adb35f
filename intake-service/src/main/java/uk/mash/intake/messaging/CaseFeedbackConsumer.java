package uk.mash.intake.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.intake.store.FeedbackStore;

/**
 * Feedback for referrers (consumer group {@code intake} on {@code mash.case-events}): a report
 * is SCREENING once a case opened for it or linked it, DECIDED with the outcome once its case
 * is decided. Nothing else of the case reaches intake. Unreadable records go to mash.dead-letter.
 */
@ApplicationScoped
public class CaseFeedbackConsumer {

    @Inject
    FeedbackStore feedback;

    @Inject
    ObjectMapper mapper;

    @Incoming("case-events")
    @Blocking
    @Transactional
    public void onCaseEvent(ConsumerRecord<String, String> record) throws Exception {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            throw new IllegalArgumentException("Not a CloudEvent: the record has no ce_type header");
        }
        switch (new String(type.value(), StandardCharsets.UTF_8)) {
            case EventTypes.CASE_OPENED -> {
                CaseOpened opened = mapper.readValue(record.value(), CaseOpened.class);
                feedback.caseOpened(opened.caseId(), opened.reference(), opened.reportId());
            }
            case EventTypes.REPORT_LINKED -> {
                ReportLinked linked = mapper.readValue(record.value(), ReportLinked.class);
                feedback.reportJoined(linked.caseId(), linked.reportId());
            }
            case EventTypes.DECISION_RECORDED -> {
                DecisionRecorded decision = mapper.readValue(record.value(), DecisionRecorded.class);
                feedback.decided(decision.caseId(), decision.outcome().name());
            }
            default -> {
                // the referrer is told nothing of ratings, information shared or deadlines
            }
        }
    }
}
