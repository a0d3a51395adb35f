package uk.mash.screening.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.application.ReportScreening;
import uk.mash.support.messaging.Inbound;
import uk.mash.support.messaging.InboundEvent;
import uk.mash.support.messaging.PermanentFailure;

/**
 * Each report on {@code mash.reports} (consumer group {@code screening}) is screened: it opens a
 * case or joins one. Through {@link Inbound}: a redelivered report is dropped by its ce_id, a
 * database or broker away is waited out (never dead-lettered), and only a record that can never
 * be screened goes to {@code mash.dead-letter} with the reason.
 *
 * <p>Reports are screened several at a time (pool {@code report-screening}, at most
 * {@code smallrye.messaging.worker.report-screening.max-concurrency} at once): each is its own
 * transaction, mostly waiting on PostgreSQL, so one at a time left the service idle behind every
 * commit. Order between reports does not matter for correctness: reports about the same person
 * are serialised by the directory's advisory locks, and the Kafka offset is committed only up to
 * the oldest report not yet screened. Two reports naming different people of the same open case
 * can still race for the case's next event; the loser's transaction fails with Axon's
 * ConcurrencyException, a transient failure, and it is screened again from the start.
 */
@ApplicationScoped
public class ReportConsumer {

    static final String CONSUMER = "reports";

    @Inject
    Inbound inbound;

    @Inject
    ReportScreening screening;

    @Incoming(CONSUMER)
    @Blocking(value = "report-screening", ordered = false)
    public CompletionStage<Void> onReport(Message<String> record) {
        return inbound.process(CONSUMER, record, event -> screening.screen(report(event)));
    }

    private static ReportReceived report(InboundEvent event) {
        if (!event.is(EventTypes.REPORT_RECEIVED)) {
            throw new PermanentFailure("Not a report: " + event.type() + " on " + event.topic());
        }
        ReportReceived report = event.data(ReportReceived.class);
        InboundEvent.require(report.reportId() != null, event.type(), "reportId");
        InboundEvent.require(report.receivedAt() != null, event.type(), "receivedAt");
        InboundEvent.require(report.subjects() != null && report.subjects().stream().allMatch(Objects::nonNull)
                && report.subjects().stream().allMatch(s -> s.role() != null), event.type(), "subjects[].role");
        return report;
    }
}
