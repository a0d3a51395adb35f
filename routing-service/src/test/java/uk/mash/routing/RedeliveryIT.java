package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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

/**
 * Exactly once as the receiving team sees it. A later decision on the same case is sent after the
 * repeats as a marker: the case's records share a partition and the outbox publishes in order, so
 * once the marker's referral is on a queue, any duplicate would already be there too. What routing
 * claims in its inbox to make that so: decisions only. A case's other events (openings, links,
 * ratings) pass with no transaction and leave no row, and the decision behind them is routed.
 */
@QuarkusTest
class RedeliveryIT {

    private static final List<Route> ROUTES = List.of(Route.CHILDREN, Route.POLICE);

    QueueTopics queues;

    @BeforeEach
    void subscribe() {
        queues = new QueueTopics();
    }

    @AfterEach
    void close() {
        queues.close();
    }

    @Test
    void aDecisionDeliveredThreeTimesProducesOneReferralPerQueue() {
        DecisionRecorded decision = Decisions.decision(Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED, ROUTES,
                Decisions.childSubjects());
        String ceId = UUID.randomUUID().toString();
        Decisions.send(decision, ceId);
        Decisions.send(decision, ceId);
        Decisions.send(decision, ceId);

        assertOneReferralPerQueueAfterAMarker(decision);
    }

    @Test
    void theSameDecisionRepublishedUnderANewEventIdIsNotRoutedAgain() {
        DecisionRecorded decision = Decisions.decision(Outcome.CHILD_PROTECTION_STRATEGY, Rag.AMBER, ROUTES,
                Decisions.childSubjects());
        Decisions.send(decision);
        Decisions.send(decision);

        assertOneReferralPerQueueAfterAMarker(decision);
    }

    @Test
    void aCasesOtherEventsPassWithoutAnInboxRowAndItsDecisionIsRouted() {
        DecisionRecorded decision = Decisions.decision(Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        String caseId = decision.caseId().toString();
        String opened = UUID.randomUUID().toString();
        String rated = UUID.randomUUID().toString();
        Decisions.writer().cloudEvent(Topics.CASE_EVENTS, caseId, opened, EventTypes.CASE_OPENED,
                Decisions.SCREENING, decision.decidedAt(), "{\"caseId\":\"" + caseId + "\"}");
        Decisions.writer().cloudEvent(Topics.CASE_EVENTS, caseId, rated, EventTypes.RISK_RATED,
                Decisions.SCREENING, decision.decidedAt(), "{\"caseId\":\"" + caseId + "\"}");
        String decided = Decisions.send(decision);

        // the decision is behind the other two on the case's partition: once it is routed, they were passed
        queues.routed(Route.CHILDREN, decision.decisionId());
        assertThat(RoutingDatabase.strings("SELECT event_id FROM inbox WHERE event_id IN (?, ?, ?)",
                opened, rated, decided)).containsExactly(decided);
    }

    private void assertOneReferralPerQueueAfterAMarker(DecisionRecorded decision) {
        // decisions are routed several at a time, so the marker's referral may overtake the
        // decision's: wait for the decision's own first, then let the marker flush any duplicate
        for (Route queue : ROUTES) {
            queues.routed(queue, decision.decisionId());
        }
        DecisionRecorded marker = Decisions.forCase(decision.caseId(), Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED,
                ROUTES, decision.subjects());
        Decisions.send(marker);
        for (Route queue : ROUTES) {
            queues.routed(queue, marker.decisionId());
            long referrals = queues.on(queue).all(r -> EventTypes.REFERRAL_ROUTED.equals(r.header("ce_type"))
                    && decision.decisionId().toString().equals(QueueTopics.data(r).path("decisionId").asText()),
                    Duration.ZERO).size();
            assertThat(referrals).as("referrals of the decision on " + queue).isEqualTo(1);
        }
        assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE decision_id = ?", decision.decisionId()))
                .isEqualTo(ROUTES.size());
    }
}
