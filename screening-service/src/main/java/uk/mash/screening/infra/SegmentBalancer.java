package uk.mash.screening.infra;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jboss.logging.Logger;

/**
 * Shares the case processors' segments between the replicas: a replica holding more than its fair
 * share ({@link ScreeningReplicas#fairShare}) hands the extra segments back for a few claim
 * intervals, long enough for a replica with idle threads to claim them. Alone, a replica's share is
 * every segment: what it handed back it claims again, and what a dead replica held it claims once
 * that claim runs out ({@code mash.screening.segment-claim-timeout}).
 */
@ApplicationScoped
public class SegmentBalancer {

    private static final Logger LOG = Logger.getLogger(SegmentBalancer.class);

    @Inject
    AxonConfiguration axon;

    @Inject
    ScreeningReplicas replicas;

    @Scheduled(every = "${mash.screening.segment-claim-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void balance() {
        int share = replicas.fairShare(axon.segments());
        for (String name : List.of(AxonConfiguration.CASE_VIEW, AxonConfiguration.CASE_EVENTS)) {
            axon.processor(name).ifPresent(processor -> handBackBeyond(share, name, processor));
        }
    }

    private void handBackBeyond(int share, String name, StreamingEventProcessor processor) {
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        long releaseFor = axon.claimInterval().toMillis() * 3;
        for (Integer segment : held.subList(Math.min(share, held.size()), held.size())) {
            LOG.debugf("%s: holding %d segments, share %d; handing back segment %d", name, held.size(), share, segment);
            processor.releaseSegment(segment, releaseFor, TimeUnit.MILLISECONDS);
        }
    }
}
