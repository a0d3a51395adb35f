package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.TopicReader;

/**
 * A record on mash.case-events that can never be routed goes to mash.dead-letter as it was
 * received, with SmallRye's dead-letter-* headers saying why, and the decisions behind it (same
 * case, so same partition) are still routed.
 */
@QuarkusTest
class DeadLetterIT {

    QueueTopics queues;
    TopicReader deadLetters;

    @BeforeEach
    void subscribe() {
        queues = new QueueTopics();
        deadLetters = new TopicReader(Topics.DEAD_LETTER);
    }

    @AfterEach
    void close() {
        queues.close();
        deadLetters.close();
    }

    @Test
    void unreadableJsonIsDeadLetteredWithItsReasonAndTheNextDecisionIsStillRouted() {
        UUID caseId = UUID.randomUUID();
        String poison = "{\"caseId\": \"" + caseId + "\", \"outcome\": ";
        Decisions.writer().cloudEvent(Topics.CASE_EVENTS, caseId.toString(), UUID.randomUUID().toString(),
                EventTypes.DECISION_RECORDED, Decisions.SCREENING, Instant.now(), poison);
        DecisionRecorded good = Decisions.forCase(caseId, Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        Decisions.send(good);

        TopicReader.Received dead = deadLetters.await(r -> caseId.toString().equals(r.key()), QueueTopics.WAIT);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.header("dead-letter-reason")).contains("not well-formed JSON");
        assertThat(dead.header("dead-letter-topic")).isEqualTo(Topics.CASE_EVENTS);
        assertThat(dead.header("dead-letter-partition")).isNotBlank();
        assertThat(dead.header("dead-letter-offset")).isNotBlank();
        assertThat(dead.header("dead-letter-exception-class-name")).isEqualTo("uk.mash.support.messaging.PermanentFailure");
        assertThat(dead.header("ce_type")).as("the original headers travel with it").isEqualTo(EventTypes.DECISION_RECORDED);

        queues.routed(Route.CHILDREN, good.decisionId());
    }

    @Test
    void aDecisionWithoutRoutesIsDeadLetteredWithoutRepeatingItsPersonalData() {
        DecisionRecorded decision = Decisions.decision(Outcome.EARLY_HELP, Rag.GREEN, null, Decisions.childSubjects());
        Decisions.send(decision);
        DecisionRecorded next = Decisions.forCase(decision.caseId(), Outcome.EARLY_HELP, Rag.GREEN,
                List.of(Route.CHILDREN), decision.subjects());
        Decisions.send(next);

        TopicReader.Received dead = deadLetters.await(r -> decision.caseId().toString().equals(r.key()),
                QueueTopics.WAIT);
        assertThat(dead.header("dead-letter-reason")).isEqualTo("The decision has no 'routes': it cannot be routed");
        assertThat(dead.headers().values().toString())
                .doesNotContain(decision.subjects().get(0).familyName(), decision.rationale());
        queues.routed(Route.CHILDREN, next.decisionId());
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLettered() {
        UUID caseId = UUID.randomUUID();
        Decisions.writer().raw(Topics.CASE_EVENTS, caseId.toString(), "{\"hello\": \"world\"}");

        TopicReader.Received dead = deadLetters.await(r -> caseId.toString().equals(r.key()), QueueTopics.WAIT);
        assertThat(dead.header("dead-letter-reason")).startsWith("Not a CloudEvent");
    }
}
