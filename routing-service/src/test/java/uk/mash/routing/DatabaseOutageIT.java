package uk.mash.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.InboundHealth;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * PostgreSQL killed while decisions keep arriving: routing waits (not ready, nothing
 * acknowledged), and once the database is back every decision is routed exactly once and none
 * went to the dead letters.
 */
@QuarkusTest
class DatabaseOutageIT {

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
    void decisionsArrivingWhilePostgresIsDownAreRoutedOnceItIsBackAndNoneIsDeadLettered() {
        DecisionRecorded before = Decisions.decision(Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        Decisions.send(before);
        queues.routed(Route.CHILDREN, before.decisionId());

        TestInfrastructure.killDatabase();
        List<DecisionRecorded> during = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                DecisionRecorded d = Decisions.decision(Outcome.EARLY_HELP, Rag.AMBER, List.of(Route.CHILDREN),
                        Decisions.childSubjects());
                Decisions.send(d);
                during.add(d);
            }
            InboundHealth.awaitWaiting(() -> given().get("/q/health/ready").asString(), "case-events");
        } finally {
            TestInfrastructure.startDatabase();
        }

        for (DecisionRecorded d : during) {
            queues.routed(Route.CHILDREN, d.decisionId());
        }
        InboundHealth.awaitFlowing(() -> given().get("/q/health/ready").asString());
        for (DecisionRecorded d : during) {
            assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE decision_id = ?", d.decisionId()))
                    .as("referrals of a decision sent during the outage").isEqualTo(1);
        }
        Set<String> cases = during.stream().map(d -> d.caseId().toString()).collect(Collectors.toSet());
        assertThat(deadLetters.all(r -> cases.contains(r.key()), Duration.ofSeconds(3)))
                .as("decisions dead-lettered for an outage").isEmpty();
    }
}
