package uk.mash.screening.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
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
 * <p>A poll's reports are screened in one transaction ({@link Inbound#processBatch}, at most
 * {@code mp.messaging.incoming.reports.max.poll.records}): their ce_ids claimed by one statement, the
 * locks of every person they name taken by one statement in one order, one commit; a batch that fails
 * for one report is screened again one report per transaction, so only that one is dead-lettered.
 * Several batches are screened at once (pool {@code report-screening}, at most
 * {@code smallrye.messaging.worker.report-screening.max-concurrency}): each mostly waits on
 * PostgreSQL. Order between reports does not matter for correctness: reports about the same person
 * are serialised by the directory's advisory locks (a batch takes all of its people's keys first, in
 * sorted order, so two batches never wait for each other in a circle), and the Kafka offset is
 * committed only up to the oldest report not yet screened. Two reports naming different people of the
 * same open case in two batches can still race for the case's next event; the loser's transaction
 * fails with Axon's ConcurrencyException, a transient failure, and its batch is screened again.
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
    public CompletionStage<Void> onReports(KafkaRecordBatch<String, String> records) {
        return inbound.processBatch(CONSUMER, null, records,
                events -> screening.lockPeopleOf(events.stream().map(ReportConsumer::report).toList()),
                event -> screening.screen(report(event)));
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
