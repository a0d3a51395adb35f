package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.DecisionRecorded;

/**
 * First half of the restart test: routed while this application runs with the escalation clock
 * stopped (the default test profile) and a 2-second limit for RED referrals, then the
 * application goes away. {@link EscalationIT} runs in the next application.
 */
@QuarkusTest
@Order(1)
class RoutedBeforeRestartIT {

    @Test
    void aReferralIsRoutedPendingWithItsDueTimeFixedInTheDatabase() {
        DecisionRecorded decision = Decisions.forCase(RestartCase.CASE_ID, Outcome.ADULT_SAFEGUARDING_ENQUIRY,
                Rag.RED, List.of(Route.ADULTS), Decisions.adultSubjects());
        Decisions.send(decision);
        RoutingDatabase.awaitDecision(decision.decisionId());

        JsonPath item = Api.as("queue-adults").queryParam("caseId", RestartCase.CASE_ID.toString())
                .get("/api/v1/queues/adults/referrals").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("PENDING"))
                .extract().jsonPath();
        Instant routedAt = Instant.parse(item.getString("items[0].routedAt"));
        Instant dueBy = Instant.parse(item.getString("items[0].dueBy"));
        assertThat(Duration.between(routedAt, dueBy)).isEqualTo(Duration.ofSeconds(2));
    }
}
