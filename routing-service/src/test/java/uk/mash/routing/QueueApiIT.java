package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
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

/** The receiving teams' queues over REST: their own queue only, acknowledgement, and every read recorded. */
@QuarkusTest
class QueueApiIT {

    private static final List<String> QUEUES = List.of("children", "adults", "police");

    QueueTopics queues;
    DecisionRecorded decision;
    Map<String, String> referralIds;

    @BeforeEach
    void routeAProfessionalConcernToAllThreeQueues() {
        queues = new QueueTopics();
        decision = Decisions.decision(Outcome.PROFESSIONAL_CONCERNS, Rag.AMBER,
                List.of(Route.CHILDREN, Route.ADULTS, Route.POLICE), Decisions.mixedSubjects());
        Decisions.send(decision);
        referralIds = Map.of(
                "children", queues.referralId(Route.CHILDREN, decision.decisionId()),
                "adults", queues.referralId(Route.ADULTS, decision.decisionId()),
                "police", queues.referralId(Route.POLICE, decision.decisionId()));
    }

    @AfterEach
    void close() {
        queues.close();
    }

    @Test
    void theReceivingTeamAcknowledgesAReferralAndTheHubIsTold() throws Exception {
        String referralId = referralIds.get("children");
        Api.as("queue-children", "conwy.cs.duty").queryParam("caseId", decision.caseId().toString())
                .queryParam("status", "PENDING").get("/api/v1/queues/children/referrals")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].referralId", equalTo(referralId))
                .body("items[0].caseId", equalTo(decision.caseId().toString()))
                .body("items[0].caseReference", equalTo(decision.caseReference()))
                .body("items[0].queue", equalTo("CHILDREN"))
                .body("items[0].outcome", equalTo("PROFESSIONAL_CONCERNS"))
                .body("items[0].rag", equalTo("AMBER"))
                .body("items[0].status", equalTo("PENDING"));

        Api.as("queue-children", "conwy.cs.duty").body(Map.of("note", "Strategy discussion booked for 16:00"))
                .post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("conwy.cs.duty"));

        try (TopicReader routingEvents = new TopicReader(Topics.ROUTING_EVENTS)) {
            TopicReader.Received record = routingEvents.await(
                    r -> EventTypes.REFERRAL_ACKNOWLEDGED.equals(r.header("ce_type"))
                            && referralId.equals(QueueTopics.data(r).path("referralId").asText()), QueueTopics.WAIT);
            JsonNode acknowledged = QueueTopics.data(record);
            assertThat(record.key()).isEqualTo(decision.caseId().toString());
            assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("conwy.cs.duty");
            assertThat(acknowledged.get("agency").asText()).isEqualTo("CHILDRENS_SERVICES");
            assertThat(acknowledged.get("queue").asText()).isEqualTo("CHILDREN");
            assertThat(acknowledged.get("note").asText()).isEqualTo("Strategy discussion booked for 16:00");
            assertThat(acknowledged.get("withinLimit").asBoolean()).isTrue();
        }
        Api.as("queue-children").queryParam("caseId", decision.caseId().toString()).queryParam("status", "PENDING")
                .get("/api/v1/queues/children/referrals").then().statusCode(200).body("items", hasSize(0));
        Api.as("queue-children").queryParam("caseId", decision.caseId().toString()).queryParam("status", "ACKNOWLEDGED")
                .get("/api/v1/queues/children/referrals").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void acknowledgingTwiceAnswersTheSameAndTellsTheHubOnce() {
        String referralId = referralIds.get("police");
        for (int i = 0; i < 2; i++) {
            Api.as("queue-police", "nwp.ppn.desk").body(Map.of("note", "Logged on Niche"))
                    .post("/api/v1/queues/police/referrals/" + referralId + "/acknowledgement")
                    .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                    .body("acknowledgedBy", equalTo("nwp.ppn.desk"));
        }
        assertThat(RoutingDatabase.count("SELECT count(*) FROM outbox WHERE type = ? AND payload LIKE ?",
                EventTypes.REFERRAL_ACKNOWLEDGED, "%" + referralId + "%")).isEqualTo(1);
    }

    @Test
    void aQueueRoleIsRefusedEveryOtherQueueWithoutLearningWhetherAReferralExists() {
        for (String role : List.of("queue-children", "queue-adults", "queue-police")) {
            for (String queue : QUEUES) {
                if (role.equals("queue-" + queue)) {
                    continue;
                }
                String existing = referralIds.get(queue);
                String list = Api.as(role).get("/api/v1/queues/" + queue + "/referrals")
                        .then().statusCode(403).contentType("application/problem+json").extract().asString();
                String acknowledgeExisting = Api.as(role).body(Map.of("note", "x"))
                        .post("/api/v1/queues/" + queue + "/referrals/" + existing + "/acknowledgement")
                        .then().statusCode(403).contentType("application/problem+json").extract().asString();
                String acknowledgeUnknown = Api.as(role).body(Map.of("note", "x"))
                        .post("/api/v1/queues/" + queue + "/referrals/" + UUID.randomUUID() + "/acknowledgement")
                        .then().statusCode(403).extract().asString();
                assertThat(acknowledgeExisting).as(role + " on " + queue).isEqualTo(acknowledgeUnknown).isEqualTo(list);
            }
        }
        assertThat(RoutingDatabase.count("SELECT count(*) FROM referrals WHERE case_id = ? AND status = 'PENDING'",
                decision.caseId())).as("no refused acknowledgement changed anything").isEqualTo(3);
    }

    @Test
    void aManagerReadsEveryQueueButAcknowledgesNone() {
        for (String queue : QUEUES) {
            Api.as("manager").queryParam("caseId", decision.caseId().toString()).get("/api/v1/queues/" + queue + "/referrals")
                    .then().statusCode(200).body("items[0].referralId", equalTo(referralIds.get(queue)));
            Api.as("manager").body(Map.of("note", "x"))
                    .post("/api/v1/queues/" + queue + "/referrals/" + referralIds.get(queue) + "/acknowledgement")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void otherRolesAndAnonymousCallersAreRefused() {
        for (String role : List.of("screener", "auditor", "referrer")) {
            Api.as(role).get("/api/v1/queues/children/referrals").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        RestAssured.get("/api/v1/queues/children/referrals").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().contentType("application/json").body(Map.of("note", "x"))
                .post("/api/v1/queues/children/referrals/" + referralIds.get("children") + "/acknowledgement")
                .then().statusCode(401);
    }

    @Test
    void anUnknownStatusIsAProblemNotAnEmptyQueue() {
        Api.as("queue-adults").queryParam("status", "LOST").get("/api/v1/queues/adults/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void readingAQueueRecordsOneAccessEventPerCaseRead() {
        DecisionRecorded replacement = Decisions.superseding(decision, Outcome.PROFESSIONAL_CONCERNS,
                List.of(Route.CHILDREN, Route.ADULTS, Route.POLICE));
        Decisions.send(replacement);
        queues.routed(Route.POLICE, replacement.decisionId());
        long readsBefore = caseReads();

        Api.as("queue-police", "nwp.ppn.desk").queryParam("caseId", decision.caseId().toString())
                .get("/api/v1/queues/police/referrals").then().statusCode(200).body("items", hasSize(2));

        assertThat(caseReads() - readsBefore).as("two referrals of one case: one read of the case").isEqualTo(1);
        try (TopicReader access = new TopicReader(Topics.ACCESS_EVENTS)) {
            TopicReader.Received record = access.await(r -> decision.caseId().toString().equals(r.key())
                    && "nwp.ppn.desk".equals(QueueTopics.data(r).path("sub").asText()), QueueTopics.WAIT);
            JsonNode read = QueueTopics.data(record);
            assertThat(record.header("ce_type")).isEqualTo(EventTypes.CASE_READ);
            assertThat(read.get("caseId").asText()).isEqualTo(decision.caseId().toString());
            assertThat(read.get("agency").asText()).isEqualTo("POLICE");
            assertThat(read.get("service").asText()).isEqualTo("routing-service");
            assertThat(read.get("endpoint").asText()).isEqualTo("GET /api/v1/queues/{queue}/referrals");
            assertThat(read.get("readAt").asText()).isNotBlank();
        }
    }

    private long caseReads() {
        return RoutingDatabase.count("SELECT count(*) FROM outbox WHERE type = ? AND message_key = ?",
                EventTypes.CASE_READ, decision.caseId().toString());
    }
}
