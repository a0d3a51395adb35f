package uk.mash.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TopicReader;

/** The three queue topics read as a receiving team's system would, for one test class. */
final class QueueTopics implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final Map<Route, TopicReader> readers = new EnumMap<>(Route.class);

    QueueTopics() {
        readers.put(Route.CHILDREN, new TopicReader(Topics.QUEUE_CHILDREN));
        readers.put(Route.ADULTS, new TopicReader(Topics.QUEUE_ADULTS));
        readers.put(Route.POLICE, new TopicReader(Topics.QUEUE_POLICE));
    }

    TopicReader on(Route queue) {
        return readers.get(queue);
    }

    /** The referral of this decision that arrived on the queue's topic. */
    TopicReader.Received routed(Route queue, UUID decisionId) {
        return on(queue).await(r -> EventTypes.REFERRAL_ROUTED.equals(r.header("ce_type"))
                && decisionId.toString().equals(data(r).path("decisionId").asText()), WAIT);
    }

    /** The id of the referral of this decision that arrived on the queue's topic. */
    String referralId(Route queue, UUID decisionId) {
        return data(routed(queue, decisionId)).get("referralId").asText();
    }

    TopicReader.Received withdrawn(Route queue, String referralId) {
        return on(queue).await(r -> EventTypes.REFERRAL_WITHDRAWN.equals(r.header("ce_type"))
                && referralId.equals(data(r).path("referralId").asText()), WAIT);
    }

    static JsonNode data(TopicReader.Received record) {
        try {
            return Decisions.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        readers.values().forEach(TopicReader::close);
    }
}
