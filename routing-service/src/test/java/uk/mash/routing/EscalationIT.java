package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.TopicReader;

/**
 * The escalation clock running, with RED shortened to 3 seconds. This profile restarts routing, so
 * the referral {@link RoutedBeforeRestartIT} left PENDING in the previous application is escalated
 * here, by the due time stored then (with the 2-second RED limit of that application).
 */
@QuarkusTest
@TestProfile(EscalationIT.ClockRunning.class)
@Order(2)
class EscalationIT {

    public static class ClockRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mash.routing.escalation.check-every", "1s",
                    "mash.routing.escalation.red", "PT3S",
                    "mash.routing.escalation.other", "PT24H");
        }
    }

    @jakarta.inject.Inject
    uk.mash.routing.referral.Escalation escalationClock;

    QueueTopics queues;
    TopicReader routingEvents;

    @BeforeEach
    void subscribe() {
        queues = new QueueTopics();
        routingEvents = new TopicReader(Topics.ROUTING_EVENTS);
    }

    @AfterEach
    void close() {
        queues.close();
        routingEvents.close();
    }

    @Test
    void aRedReferralStillPendingPastItsLimitIsEscalatedAndOnlyThat() {
        DecisionRecorded amber = Decisions.decision(Outcome.POLICE_INVESTIGATION, Rag.AMBER, List.of(Route.POLICE),
                Decisions.adultSubjects());
        Decisions.send(amber);
        String amberReferral = queues.referralId(Route.POLICE, amber.decisionId());
        DecisionRecorded red = Decisions.decision(Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED,
                List.of(Route.CHILDREN, Route.POLICE), Decisions.childSubjects());
        Decisions.send(red);
        String referralId = queues.referralId(Route.CHILDREN, red.decisionId());

        JsonNode escalated = escalation(referralId);
        assertThat(escalated.get("caseId").asText()).isEqualTo(red.caseId().toString());
        assertThat(escalated.get("queue").asText()).isEqualTo("CHILDREN");
        assertThat(escalated.get("rag").asText()).isEqualTo("RED");
        assertThat(escalated.get("limit").asText()).isEqualTo("PT3S");
        Api.as("queue-children").queryParam("caseId", red.caseId().toString()).queryParam("status", "ESCALATED")
                .get("/api/v1/queues/children/referrals").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].referralId", equalTo(referralId));

        // routed before the RED one and checked by the same ticks: its 24-hour limit has not passed
        Api.as("queue-police").queryParam("caseId", amber.caseId().toString())
                .get("/api/v1/queues/police/referrals").then().statusCode(200)
                .body("items[0].referralId", equalTo(amberReferral)).body("items[0].status", equalTo("PENDING"));
    }

    @Test
    void anEscalatedReferralCanStillBeAcknowledgedLate() {
        DecisionRecorded red = Decisions.decision(Outcome.ADULT_SAFEGUARDING_ENQUIRY, Rag.RED, List.of(Route.ADULTS),
                Decisions.adultSubjects());
        Decisions.send(red);
        String referralId = queues.referralId(Route.ADULTS, red.decisionId());
        escalation(referralId);

        Api.as("queue-adults").body(Map.of("note", "WCCIS was down; picked up now"))
                .post("/api/v1/queues/adults/referrals/" + referralId + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        JsonNode acknowledged = QueueTopics.data(routingEvents.await(
                r -> EventTypes.REFERRAL_ACKNOWLEDGED.equals(r.header("ce_type"))
                        && referralId.equals(QueueTopics.data(r).path("referralId").asText()), QueueTopics.WAIT));
        assertThat(acknowledged.get("withinLimit").asBoolean()).isFalse();
    }

    @Test
    void aReferralRoutedBeforeTheRestartIsEscalatedAfterItByItsStoredDueTime() {
        List<String> routedBefore = RoutingDatabase.strings(
                "SELECT referral_id FROM referrals WHERE case_id = ?", RestartCase.CASE_ID);
        assertThat(routedBefore).as("RoutedBeforeRestartIT runs in the application before this one").hasSize(1);

        JsonNode escalated = escalation(routedBefore.get(0));
        assertThat(escalated.get("limit").asText()).as("the limit when it was routed, not today's 3 seconds")
                .isEqualTo("PT2S");
        assertThat(escalated.get("rag").asText()).isEqualTo("RED");
        Api.as("queue-adults").queryParam("caseId", RestartCase.CASE_ID.toString())
                .get("/api/v1/queues/adults/referrals").then().statusCode(200)
                .body("items[0].status", equalTo("ESCALATED"));
    }

    @Test
    void anAcknowledgedReferralIsNeverEscalatedEvenOnceItsDueTimeHasPassed() {
        DecisionRecorded taken = Decisions.decision(Outcome.EARLY_HELP, Rag.AMBER, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        DecisionRecorded waiting = Decisions.decision(Outcome.EARLY_HELP, Rag.AMBER, List.of(Route.CHILDREN),
                Decisions.childSubjects());
        Decisions.send(taken);
        Decisions.send(waiting);
        String takenReferral = queues.referralId(Route.CHILDREN, taken.decisionId());
        String waitingReferral = queues.referralId(Route.CHILDREN, waiting.decisionId());
        Api.as("queue-children").body(Map.of("note", "Early help worker allocated"))
                .post("/api/v1/queues/children/referrals/" + takenReferral + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));

        // a day goes by: both fall due (their stored due times moved back, as the clock would move on)
        for (String referralId : List.of(takenReferral, waitingReferral)) {
            RoutingDatabase.strings("UPDATE referrals SET due_at = now() - interval '1 hour' WHERE referral_id = ? "
                    + "RETURNING referral_id", UUID.fromString(referralId));
        }

        // the one left PENDING is escalated, so the clock has looked since both fell due
        escalation(waitingReferral);
        assertThat(RoutingDatabase.strings("SELECT status FROM referrals WHERE referral_id = ?",
                UUID.fromString(takenReferral))).containsExactly("ACKNOWLEDGED");
    }

    /**
     * Replicas of routing each run the clock; four more clocks ticking at once here (as four replicas
     * would) still escalate each referral once: the due referrals are claimed and changed in one
     * statement (FOR UPDATE SKIP LOCKED), so two clocks never take the same one.
     */
    @Test
    void clocksTickingInSeveralReplicasAtOnceEscalateEachReferralOnce() throws Exception {
        List<String> referrals = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DecisionRecorded red = Decisions.decision(Outcome.POLICE_INVESTIGATION, Rag.RED, List.of(Route.POLICE),
                    Decisions.adultSubjects());
            Decisions.send(red);
            referrals.add(queues.referralId(Route.POLICE, red.decisionId()));
        }
        for (String referralId : referrals) {
            RoutingDatabase.strings("UPDATE referrals SET due_at = now() - interval '1 minute' WHERE referral_id = ? "
                    + "AND status = 'PENDING' RETURNING referral_id", UUID.fromString(referralId));
        }
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> ticks = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ticks.add(replicas.submit(() -> escalationClock.escalateDue()));
            }
            for (var tick : ticks) {
                tick.get();
            }
        } finally {
            replicas.shutdownNow();
        }
        for (String referralId : referrals) {
            escalation(referralId);
        }
        var escalations = routingEvents.all(r -> EventTypes.REFERRAL_ESCALATED.equals(r.header("ce_type"))
                && referrals.contains(QueueTopics.data(r).path("referralId").asText()), java.time.Duration.ofSeconds(3));
        // one event per referral (at least once on the wire: a repeat would carry the same ce_id)
        assertThat(escalations.stream().map(r -> r.header("ce_id")).distinct().count()).isEqualTo(referrals.size());
        for (String referralId : referrals) {
            assertThat(RoutingDatabase.strings("SELECT status FROM referrals WHERE referral_id = ?",
                    UUID.fromString(referralId))).containsExactly("ESCALATED");
        }
    }

    private JsonNode escalation(String referralId) {
        TopicReader.Received record = routingEvents.await(r -> EventTypes.REFERRAL_ESCALATED.equals(r.header("ce_type"))
                && referralId.equals(QueueTopics.data(r).path("referralId").asText()), QueueTopics.WAIT);
        return QueueTopics.data(record);
    }
}
