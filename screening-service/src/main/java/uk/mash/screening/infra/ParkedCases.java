package uk.mash.screening.infra;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;
import uk.mash.support.messaging.Inbound;

/**
 * The cases each processing group has parked ({@link ParkingPolicy}), handled again every
 * {@code mash.screening.parked-case-retry-every} and once at start, so a case parked by a defect
 * resumes by itself once the cause is gone (a view repaired, a fixed release started): its
 * events, in order, then the events that arrived behind them. Counted for the metric
 * {@code mash.screening.parked.cases} and for readiness ({@link ParkedCasesReadiness}).
 */
@ApplicationScoped
public class ParkedCases {

    static final List<String> GROUPS = List.of(AxonConfiguration.CASE_VIEW, AxonConfiguration.CASE_EVENTS);
    private static final Logger LOG = Logger.getLogger(ParkedCases.class);

    @Inject
    AxonConfiguration axon;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void meters() {
        for (String group : GROUPS) {
            Gauge.builder("mash.screening.parked.cases", () -> count(group)).tag("processingGroup", group)
                    .description("Cases whose events the processing group holds back after a failure")
                    .register(registry);
        }
    }

    /** How many cases the processing group has parked. */
    public long count(String processingGroup) {
        return axon.parkedCases(processingGroup).amountOfSequences();
    }

    @Scheduled(every = "${mash.screening.parked-case-retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        for (String group : GROUPS) {
            try {
                long parked = count(group);
                long resumed = 0;
                // each call takes the case least recently tried; one that fails again goes to the back
                for (long i = 0; i < parked; i++) {
                    if (axon.parkedCaseRetry(group).processAny()) {
                        resumed++;
                    }
                }
                if (parked > 0) {
                    LOG.infof("%s: %d of %d parked cases resumed", group, resumed, parked);
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s: parked cases not retried now (%s); next time", group, Inbound.describe(e));
            }
        }
    }
}
