package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.DecisionRecorded;

/**
 * A superseding decision routes again to its own routes. Every referral of the decision it
 * replaces is withdrawn: where the new decision no longer routes, the team is told to stop; where
 * it still does, the new referral replaces the old one (README, "Supersede").
 */
@QuarkusTest
class SupersedeIT {

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
    void aSupersedingDecisionRoutesToItsQueuesAndWithdrawsWhereItNoLongerApplies() {
        DecisionRecorded first = Decisions.decision(Outcome.CARE_AND_SUPPORT_ASSESSMENT, Rag.AMBER,
                List.of(Route.CHILDREN, Route.ADULTS), Decisions.mixedSubjects());
        Decisions.send(first);
        String firstAdults = queues.referralId(Route.ADULTS, first.decisionId());
        String firstChildren = queues.referralId(Route.CHILDREN, first.decisionId());

        DecisionRecorded second = Decisions.superseding(first, Outcome.CHILD_PROTECTION_STRATEGY,
                List.of(Route.CHILDREN, Route.POLICE));
        Decisions.send(second);

        JsonNode newChildren = QueueTopics.data(queues.routed(Route.CHILDREN, second.decisionId()));
        queues.routed(Route.POLICE, second.decisionId());
        JsonNode adultsWithdrawn = QueueTopics.data(queues.withdrawn(Route.ADULTS, firstAdults));
        assertThat(adultsWithdrawn.get("supersededDecisionId").asText()).isEqualTo(first.decisionId().toString());
        assertThat(adultsWithdrawn.get("supersedingDecisionId").asText()).isEqualTo(second.decisionId().toString());
        assertThat(adultsWithdrawn.get("reason").asText()).contains("no longer routes");
        JsonNode childrenReplaced = QueueTopics.data(queues.withdrawn(Route.CHILDREN, firstChildren));
        assertThat(childrenReplaced.get("reason").asText()).contains(newChildren.get("referralId").asText());

        Api.as("queue-adults").queryParam("caseId", first.caseId().toString()).get("/api/v1/queues/adults/referrals")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].referralId", equalTo(firstAdults)).body("items[0].status", equalTo("WITHDRAWN"))
                .body("items[0].withdrawnByDecisionId", equalTo(second.decisionId().toString()));
        JsonPath children = Api.as("queue-children").queryParam("caseId", first.caseId().toString())
                .get("/api/v1/queues/children/referrals").then().statusCode(200).extract().jsonPath();
        assertThat(children.getList("items", Map.class)).extracting(i -> i.get("referralId") + " " + i.get("status"))
                .containsExactlyInAnyOrder(firstChildren + " WITHDRAWN", newChildren.get("referralId").asText() + " PENDING");
    }

    @Test
    void aWithdrawnReferralCannotBeAcknowledged() {
        DecisionRecorded first = Decisions.decision(Outcome.ADULT_SAFEGUARDING_ENQUIRY, Rag.GREEN,
                List.of(Route.ADULTS), Decisions.adultSubjects());
        Decisions.send(first);
        String referralId = queues.referralId(Route.ADULTS, first.decisionId());
        DecisionRecorded second = Decisions.superseding(first, Outcome.INFORMATION_AND_ADVICE, List.of());
        Decisions.send(second);
        queues.withdrawn(Route.ADULTS, referralId);

        Api.as("queue-adults").body(Map.of("note", "Picked up by the duty team"))
                .post("/api/v1/queues/adults/referrals/" + referralId + "/acknowledgement")
                .then().statusCode(409).contentType("application/problem+json");
    }

    /**
     * Twelve cases at once, each with its new decision published before the one it supersedes: routing takes
     * several records at a time, and without each case's records taken in turn (CaseTurns) the older decision
     * sometimes started first and reached the children's queue before being withdrawn.
     */
    @Test
    void aDecisionArrivingAfterTheDecisionThatSupersedesItIsNotRouted() {
        List<DecisionRecorded> firsts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            DecisionRecorded first = Decisions.decision(Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN),
                    Decisions.childSubjects());
            Decisions.send(Decisions.superseding(first, Outcome.POLICE_INVESTIGATION, List.of(Route.POLICE)));
            Decisions.send(first);
            firsts.add(first);
        }
        for (DecisionRecorded first : firsts) {
            RoutingDatabase.awaitDecision(first.decisionId());
            assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE decision_id = ?",
                    first.decisionId())).as("referrals of the superseded decision").isZero();
            assertThat(RoutingDatabase.routedTopics(first.caseId())).containsExactly("mash.queue.police");
        }
    }

    @Test
    void aDecisionAndTheOneSupersedingItArrivingTogetherLeaveOnlyTheNewReferralStanding() {
        // decisions are routed several at a time: the two about one case must still not interleave
        List<DecisionRecorded[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DecisionRecorded first = Decisions.decision(Outcome.EARLY_HELP, Rag.GREEN, List.of(Route.CHILDREN),
                    Decisions.childSubjects());
            DecisionRecorded second = Decisions.superseding(first, Outcome.CHILD_PROTECTION_STRATEGY,
                    List.of(Route.CHILDREN));
            pairs.add(new DecisionRecorded[] {first, second});
            Decisions.send(first);
            Decisions.send(second);
        }
        for (DecisionRecorded[] pair : pairs) {
            RoutingDatabase.awaitDecision(pair[0].decisionId());
            RoutingDatabase.awaitDecision(pair[1].decisionId());
            String caseId = pair[0].caseId().toString();
            assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE case_id = ?::uuid AND status = 'PENDING'",
                    caseId)).as("standing referrals of case %s", caseId).isEqualTo(1);
            assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE decision_id = ? AND status = 'PENDING'",
                    pair[1].decisionId())).isEqualTo(1);
        }
    }
}
