package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.DecisionRecorded;

/**
 * Data minimisation as each receiving team sees it: the exact fields of the referral on each queue
 * topic, whose records it holds, and which fields of each person (README, "What each queue receives").
 */
@QuarkusTest
class QueueFieldsIT {

    private static final Set<String> SOCIAL_CARE_FIELDS = Set.of("referralId", "caseId", "caseReference", "queue",
            "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "concerns", "subjects");
    private static final Set<String> POLICE_FIELDS = Set.of("referralId", "caseId", "caseReference", "queue",
            "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "subjects", "policeReferences");
    private static final Set<String> WHOLE_PERSON = Set.of("subjectId", "role", "givenName", "familyName",
            "dateOfBirth", "nhsNumber", "address");
    private static final Set<String> IDENTITY = Set.of("subjectId", "role", "givenName", "familyName", "dateOfBirth");

    QueueTopics queues;
    DecisionRecorded decision;

    @BeforeEach
    void routeAProfessionalConcernAboutEveryoneToAllThreeQueues() {
        queues = new QueueTopics();
        decision = Decisions.decision(Outcome.PROFESSIONAL_CONCERNS, Rag.RED,
                List.of(Route.CHILDREN, Route.ADULTS, Route.POLICE),
                List.of(Decisions.child(), Decisions.adultAtRisk(), Decisions.parent(), Decisions.perpetrator(),
                        Decisions.professional(), Decisions.householdMember()));
        Decisions.send(decision);
    }

    @AfterEach
    void close() {
        queues.close();
    }

    @Test
    void theChildrensQueueReceivesItsChildrenAndThePeopleAroundThemButNoPoliceReferences() {
        JsonNode referral = QueueTopics.data(queues.routed(Route.CHILDREN, decision.decisionId()));

        assertThat(fields(referral)).isEqualTo(SOCIAL_CARE_FIELDS);
        assertThat(roles(referral)).containsExactlyInAnyOrder("CHILD", "PARENT_OR_CARER", "ALLEGED_PERPETRATOR",
                "PROFESSIONAL", "OTHER_HOUSEHOLD_MEMBER");
        referral.get("subjects").forEach(s -> assertThat(fields(s)).isEqualTo(WHOLE_PERSON));
        assertThat(referral.get("rationale").asText()).isEqualTo(decision.rationale());
        assertThat(referral.get("subjects").get(0).get("nhsNumber").asText()).isEqualTo(subject("CHILD").nhsNumber());
    }

    @Test
    void theAdultsQueueReceivesItsAdultsAtRiskButNoChild() {
        JsonNode referral = QueueTopics.data(queues.routed(Route.ADULTS, decision.decisionId()));

        assertThat(fields(referral)).isEqualTo(SOCIAL_CARE_FIELDS);
        assertThat(roles(referral)).containsExactlyInAnyOrder("ADULT_AT_RISK", "PARENT_OR_CARER",
                "ALLEGED_PERPETRATOR", "PROFESSIONAL", "OTHER_HOUSEHOLD_MEMBER");
        referral.get("subjects").forEach(s -> assertThat(fields(s)).isEqualTo(WHOLE_PERSON));
    }

    @Test
    void policeReceiveIdentitiesOutcomeRatingRationaleAndTheirReferencesButNoHealthIdentifiersOrAddresses() {
        JsonNode referral = QueueTopics.data(queues.routed(Route.POLICE, decision.decisionId()));

        assertThat(fields(referral)).isEqualTo(POLICE_FIELDS);
        assertThat(roles(referral)).containsExactlyInAnyOrder("CHILD", "ADULT_AT_RISK", "PARENT_OR_CARER",
                "ALLEGED_PERPETRATOR", "PROFESSIONAL", "OTHER_HOUSEHOLD_MEMBER");
        referral.get("subjects").forEach(s -> assertThat(fields(s)).isEqualTo(IDENTITY));
        assertThat(referral.get("rag").asText()).isEqualTo("RED");
        assertThat(referral.get("policeReferences").get(0).get("occurrenceNumber").asText())
                .isEqualTo(decision.policeReferences().get(0).occurrenceNumber());
        assertThat(referral.toString()).doesNotContain(subject("CHILD").nhsNumber(), "Bryn Road");
    }

    @Test
    void theQueueApiShowsTheSameFieldsAsTheTopic() {
        JsonNode onTopic = QueueTopics.data(queues.routed(Route.POLICE, decision.decisionId()));

        Map<String, Object> apiSubject = Api.as("queue-police").queryParam("caseId", decision.caseId().toString())
                .get("/api/v1/queues/police/referrals")
                .then().statusCode(200).body("items", hasSize(1))
                .extract().jsonPath().getMap("items[0].subjects[0]");
        assertThat(apiSubject.keySet()).isEqualTo(IDENTITY);
        assertThat(onTopic.get("referralId").asText()).isEqualTo(Api.as("queue-police")
                .queryParam("caseId", decision.caseId().toString()).get("/api/v1/queues/police/referrals")
                .then().extract().path("items[0].referralId"));
    }

    private Subject subject(String role) {
        return decision.subjects().stream().filter(s -> s.role().name().equals(role)).findFirst().orElseThrow();
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> roles(JsonNode referral) {
        List<String> roles = new ArrayList<>();
        referral.get("subjects").forEach(s -> roles.add(s.get("role").asText()));
        return roles;
    }
}
