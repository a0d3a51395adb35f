package uk.mash.screening.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.modelling.command.ConcurrencyException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.application.ReportScreening;

/**
 * Each report on {@code mash.reports} (consumer group {@code screening}) is screened: it opens a
 * case or joins one. A record that cannot be read goes to {@code mash.dead-letter} with the reason.
 *
 * <p>Reports are screened several at a time (pool {@code report-screening}, at most
 * {@code smallrye.messaging.worker.report-screening.max-concurrency} at once): each is its own
 * transaction, mostly waiting on PostgreSQL, so one at a time left the service idle behind every
 * commit. Order between reports does not matter for correctness: reports about the same person
 * are serialised by the directory's advisory locks, and the Kafka offset is committed only up to
 * the oldest report not yet screened. Two reports naming different people of the same open case
 * can still race for the case's next event; the loser is screened again from the start.
 */
@ApplicationScoped
public class ReportConsumer {

    @Inject
    ReportScreening screening;

    @Inject
    ObjectMapper mapper;

    @Incoming("reports")
    @Blocking(value = "report-screening", ordered = false)
    @Retry(retryOn = ConcurrencyException.class, maxRetries = 5, delay = 20, jitter = 20)
    public void onReport(String json) throws Exception {
        screening.screen(mapper.readValue(json, ReportReceived.class));
    }
}
