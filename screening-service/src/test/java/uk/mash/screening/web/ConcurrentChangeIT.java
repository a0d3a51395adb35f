package uk.mash.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.screening.Reports;
import uk.mash.screening.Screening;
import uk.mash.testsupport.TestInfrastructure;

/**
 * Two changes to one case at the same moment, the other one stored by another replica (or by the
 * report consumer linking a report): the event store refuses the screener's as a concurrent change,
 * and screening makes it again on the case as it now stands rather than answer 409. With
 * {@code If-Match} of the version the screener saw, the second try is refused as 412.
 */
@QuarkusTest
class ConcurrentChangeIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void aRatingRacingAnotherReplicasChangeIsMadeOnTheCaseAsItNowStands() throws Exception {
        String caseId = openCase();
        Response answer = rateWhileAnotherReplicaStoresAChange(caseId, null);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        List<String> rationales = Screening.screener().get("/api/v1/cases/" + caseId).jsonPath()
                .getList("riskRatings.rationale");
        assertThat(rationales).containsExactlyInAnyOrder("Stored by the other replica", "Rated by this screener");
    }

    @Test
    void withIfMatchTheRacingRatingIsRefusedAsPreconditionFailed() throws Exception {
        String caseId = openCase();
        String seen = Screening.screener().get("/api/v1/cases/" + caseId).header("ETag");
        Response answer = rateWhileAnotherReplicaStoresAChange(caseId, seen);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(412);
        // the view folds the other replica's event at its next read of the store (this test sends no NOTIFY)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Screening.screener()
                .get("/api/v1/cases/" + caseId).jsonPath().getList("riskRatings.rationale"))
                .containsExactly("Stored by the other replica"));
    }

    @Test
    void withIfMatchADecisionThatLostTheRaceToAnotherDecisionIsRefusedAsPreconditionFailed() throws Exception {
        String caseId = openCase();
        JsonPath seen = Screening.screener().get("/api/v1/cases/" + caseId).jsonPath();
        String etag = Screening.screener().get("/api/v1/cases/" + caseId).header("ETag");
        DecisionRecorded otherDecision = new DecisionRecorded(UUID.fromString(caseId), seen.getString("reference"),
                UUID.randomUUID(), Outcome.EARLY_HELP, List.of(Route.CHILDREN), "Decided on the other replica",
                "sw.other", Agency.CHILDRENS_SERVICES, Instant.now(), true, null, null, null, List.of(), List.of(),
                List.of());

        Response answer = changeWhileAnotherReplicaStores(caseId, otherDecision, "/decision",
                "{\"outcome\": \"NO_FURTHER_ACTION\", \"rationale\": \"Decided by this screener\"}", etag);

        // the case the screener saw was undecided: "the case changed", not "say why you supersede a decision"
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(412);
    }

    private String openCase() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Elis", "Vaughan-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        return Screening.caseOf(report).getString("caseId");
    }

    /**
     * The other replica's event goes into the event store in a transaction held open; the screener's
     * rating, sent meanwhile, waits on the same (case, sequence) key; the other replica commits, and
     * the screener's insert is refused: a concurrent change, every time.
     */
    private Response rateWhileAnotherReplicaStoresAChange(String caseId, String ifMatch) throws Exception {
        return changeWhileAnotherReplicaStores(caseId, new RiskRated(UUID.fromString(caseId), Rag.AMBER,
                        "Stored by the other replica", "sw.other", Agency.CHILDRENS_SERVICES, Instant.now()),
                "/risk-rating", "{\"rag\": \"RED\", \"rationale\": \"Rated by this screener\"}", ifMatch);
    }

    private Response changeWhileAnotherReplicaStores(String caseId, Object otherEvent, String change, String body,
                                                     String ifMatch) throws Exception {
        try (Connection other = TestInfrastructure.database().connect()) {
            other.setAutoCommit(false);
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper.copy()).build();
            JdbcEventStorageEngine otherReplica = JdbcEventStorageEngine.builder()
                    .connectionProvider(heldOpen(other))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            otherReplica.appendEvents(new GenericDomainEventMessage<>("Case", caseId, Screening.lastSequenceOf(caseId) + 1,
                    otherEvent));

            CompletableFuture<Response> screenerChange = CompletableFuture.supplyAsync(() -> {
                var request = Screening.screener().body(body);
                if (ifMatch != null) {
                    request.header("If-Match", ifMatch);
                }
                return request.post("/api/v1/cases/" + caseId + change);
            });
            Thread.sleep(1_500); // the change is now waiting on the other replica's uncommitted row
            assertThat(screenerChange).as("the change waits for the other replica's transaction").isNotDone();
            other.commit();
            return screenerChange.get(30, TimeUnit.SECONDS);
        }
    }

    /** The connection for Axon to use, never closed by it: the test commits it. */
    private static ConnectionProvider heldOpen(Connection connection) {
        Connection uncloseable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) ->
                        "close".equals(method.getName()) ? null : method.invoke(connection, args));
        return () -> uncloseable;
    }
}
