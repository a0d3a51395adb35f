package uk.mash.screening.infra;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jboss.logging.Logger;

/**
 * Shares the case processors' segments between the replicas: a replica holding more than its fair
 * share ({@link ScreeningReplicas#fairShare}) hands the extra segments back for a few claim
 * intervals, long enough for a replica with idle threads to claim them. Alone, a replica's share is
 * every segment: what it handed back it claims again, and what a dead replica held it claims once
 * that claim runs out ({@code mash.screening.segment-claim-timeout}).
 * <p>
 * A processor with fewer segments than {@code mash.screening.processor-segments} (its tokens made by
 * an older version, with one) is split, one segment a tick, by the replica holding the widest one.
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
            axon.processor(name).ifPresent(processor -> {
                splitWhileTooFew(name, processor);
                handBackBeyond(share, name, processor);
            });
        }
    }

    private void splitWhileTooFew(String name, StreamingEventProcessor processor) {
        int[] segments = axon.tokenStore().fetchSegments(name);
        if (segments.length >= axon.segments()) {
            return;
        }
        // the widest segment this replica holds: splitting it halves the most work
        processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getSegment)
                .min(Comparator.comparingInt(Segment::getMask))
                .ifPresent(widest -> {
                    LOG.infof("%s: %d of %d segments; splitting segment %d", name, segments.length, axon.segments(),
                            widest.getSegmentId());
                    processor.splitSegment(widest.getSegmentId());
                });
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
