package uk.mash.screening.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.application.ReportScreening;

/**
 * Each report on {@code mash.reports} (consumer group {@code screening}) is screened: it opens a
 * case or joins one. A record that cannot be read goes to {@code mash.dead-letter} with the reason.
 */
@ApplicationScoped
public class ReportConsumer {

    @Inject
    ReportScreening screening;

    @Inject
    ObjectMapper mapper;

    @Incoming("reports")
    @Blocking
    public void onReport(String json) throws Exception {
        screening.screen(mapper.readValue(json, ReportReceived.class));
    }
}
