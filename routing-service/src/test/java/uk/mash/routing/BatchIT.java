package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * Decisions are routed a batch at a time, in one transaction (Inbound.processBatch). Each test
 * writes its records in one request, so they reach the consumer in one poll: a bad decision among
 * good ones costs only itself, a batch delivered again routes nothing twice, and a case's
 * decisions in one batch are routed in the order they were recorded.
 */
@QuarkusTest
class BatchIT {

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

    private static DecisionRecorded toChildren(UUID caseId) {
        return Decisions.forCase(caseId, Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN),
                Decisions.childSubjects());
    }

    @Test
    void onlyTheBadDecisionOfABatchIsDeadLetteredAndTheGoodOnesAroundItAreRouted() {
        UUID caseId = UUID.randomUUID();
        UUID otherCase = UUID.randomUUID();
        DecisionRecorded before = toChildren(caseId);
        DecisionRecorded bad = Decisions.forCase(caseId, Outcome.EARLY_HELP, Rag.GREEN, null, before.subjects());
        DecisionRecorded after = toChildren(caseId);
        DecisionRecorded elsewhere = toChildren(otherCase);

        List<RecordMetadata> written = Decisions.writer().together(() -> {
            Decisions.send(before);
            Decisions.send(bad);
            Decisions.send(after);
            Decisions.send(elsewhere);
        });

        for (DecisionRecorded good : List.of(before, after, elsewhere)) {
            queues.routed(Route.CHILDREN, good.decisionId());
        }
        // the dead letter is sent before the records behind it are processed: it is there already
        List<TopicReader.Received> dead = deadLetters.all(
                r -> caseId.toString().equals(r.key()) || otherCase.toString().equals(r.key()), Duration.ofSeconds(3));
        assertThat(dead).as("dead letters of the batch").hasSize(1);
        TopicReader.Received letter = dead.get(0);
        assertThat(letter.header("dead-letter-reason")).isEqualTo("The decision has no 'routes': it cannot be routed");
        assertThat(letter.header("dead-letter-topic")).isEqualTo(Topics.CASE_EVENTS);
        assertThat(letter.header("dead-letter-partition")).isEqualTo(Integer.toString(written.get(1).partition()));
        assertThat(letter.header("dead-letter-offset")).isEqualTo(Long.toString(written.get(1).offset()));
        assertThat(letter.header("dead-letter-exception-class-name"))
                .isEqualTo("uk.mash.support.messaging.PermanentFailure");
        assertThat(letter.value()).isEqualTo(Decisions.json(bad));
        assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE case_id IN (?, ?)", caseId, otherCase))
                .as("referrals of the good decisions, each once").isEqualTo(3);
    }

    @Test
    void aBatchDeliveredAgainRoutesNothingTwice() {
        DecisionRecorded first = Decisions.decision(Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED,
                List.of(Route.CHILDREN, Route.POLICE), Decisions.childSubjects());
        DecisionRecorded second = Decisions.decision(Outcome.EARLY_HELP, Rag.AMBER, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        Runnable batch = () -> {
            Decisions.send(first, firstId);
            Decisions.send(second, secondId);
        };
        Decisions.writer().together(batch);
        queues.routed(Route.CHILDREN, first.decisionId());
        queues.routed(Route.POLICE, first.decisionId());
        queues.routed(Route.CHILDREN, second.decisionId());

        // the same records again, each event twice in one batch, as a replay that caught up would bring them;
        // then a marker for each case, routed only after the repeats (same partition, in offset order)
        DecisionRecorded firstMarker = Decisions.forCase(first.caseId(), Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED,
                first.routes(), first.subjects());
        DecisionRecorded secondMarker = toChildren(second.caseId());
        Decisions.writer().together(() -> {
            batch.run();
            batch.run();
            Decisions.send(firstMarker);
            Decisions.send(secondMarker);
        });
        queues.routed(Route.CHILDREN, firstMarker.decisionId());
        queues.routed(Route.POLICE, firstMarker.decisionId());
        queues.routed(Route.CHILDREN, secondMarker.decisionId());

        for (DecisionRecorded decision : List.of(first, second)) {
            for (Route queue : decision.routes()) {
                assertThat(queues.on(queue).all(r -> EventTypes.REFERRAL_ROUTED.equals(r.header("ce_type"))
                        && decision.decisionId().toString().equals(QueueTopics.data(r).path("decisionId").asText()),
                        Duration.ZERO)).as("referrals of a decision on " + queue).hasSize(1);
            }
        }
        assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE decision_id IN (?, ?)",
                first.decisionId(), second.decisionId())).isEqualTo(3);
    }

    @Test
    void aCasesDecisionsInOneBatchAreRoutedInTheOrderTheyWereRecorded() {
        DecisionRecorded first = Decisions.decision(Outcome.EARLY_HELP, Rag.AMBER, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        DecisionRecorded superseding = Decisions.superseding(first, Outcome.CHILD_PROTECTION_STRATEGY,
                List.of(Route.CHILDREN, Route.POLICE));

        Decisions.writer().together(() -> {
            Decisions.send(first);
            Decisions.send(superseding);
        });

        // in order, the first is routed and then withdrawn by the one superseding it; the other way
        // round the first would never reach the queue (routed after the decision replacing it)
        String firstReferral = queues.referralId(Route.CHILDREN, first.decisionId());
        TopicReader.Received withdrawn = queues.withdrawn(Route.CHILDREN, firstReferral);
        assertThat(QueueTopics.data(withdrawn).path("supersedingDecisionId").asText())
                .isEqualTo(superseding.decisionId().toString());
        queues.routed(Route.CHILDREN, superseding.decisionId());
        queues.routed(Route.POLICE, superseding.decisionId());
    }
}
