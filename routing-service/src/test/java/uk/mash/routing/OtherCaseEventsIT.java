package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
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
 * Most of a case's events are not routing's business (openings, links, ratings, information shared):
 * routing lets them pass with no transaction, so they leave nothing in its inbox, and the case's
 * decision behind them is routed as before.
 */
@QuarkusTest
class OtherCaseEventsIT {

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
}
