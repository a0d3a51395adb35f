package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.screening.query.CaseViewUpdates;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * The case's processors are woken when its events are in the database, also when the command joined a
 * transaction already running (a report screened with the case directory; a decision with it): with
 * their polling backstop a minute apart here, the view and mash.case-events still follow in seconds.
 * And when another replica of screening stores a case's event, this one's processors are woken by
 * PostgreSQL's notification of it, not by their poll. A screener's change is answered as soon as the
 * case view shows it, whichever replica folded it in, without the answer polling the view.
 */
@QuarkusTest
@TestProfile(EventStoreWakeUpIT.PollingAMinuteApart.class)
class EventStoreWakeUpIT {

    public static class PollingAMinuteApart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // and a waiter for a case's view looks again only a minute apart unless told
            return Map.of("mash.screening.event-fetch-delay", "PT60S", "mash.screening.view-backstop", "PT60S");
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    CaseViewUpdates viewUpdates;

    @Inject
    CaseViewStore views;

    @Test
    void aScreenedReportAndARecordedDecisionReachTheViewAndTheTopicWithoutWaitingForAPoll() {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Mali", "Rees-" + UUID.randomUUID().toString().substring(0, 8), null));
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            new Screening(mapper).send(report);
            String[] caseId = new String[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                caseId[0] = Screening.caseIdOf(report);
                return caseId[0] != null && Screening.screener().get("/api/v1/cases/" + caseId[0]).statusCode() == 200;
            });

            String status = Screening.screener()
                    .body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support offered\"}")
                    .post("/api/v1/cases/" + caseId[0] + "/decision").then().statusCode(200).extract().path("status");

            assertThat(status).as("the answer shows the decision: the view was woken by its commit").isEqualTo("DECIDED");
            caseEvents.await(r -> caseId[0].equals(r.key())
                    && "mash.case.decision-recorded.v1".equals(r.header("ce_type")), Duration.ofSeconds(15));
        }
    }

    @Test
    void aCaseEventStoredByAnotherReplicaReachesThisReplicasViewWithoutWaitingForAPoll() throws Exception {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Ifan", "Morgan-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");

        // another replica: its own storage engine on the same database, its own connections; it rates the
        // case RED and, as every replica's event store does, notifies the channel once its events are stored
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper.copy()).build();
        JdbcEventStorageEngine otherReplica = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> TestInfrastructure.database().connect())
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        long next = Screening.lastSequenceOf(caseId) + 1;
        Instant ratedAt = Instant.now();
        otherReplica.appendEvents(new GenericDomainEventMessage<>("Case", caseId, next,
                new RiskRated(UUID.fromString(caseId), Rag.RED, "Rated on the other replica", "sw.other",
                        Agency.CHILDRENS_SERVICES, ratedAt)));
        try (Connection c = TestInfrastructure.database().connect(); Statement s = c.createStatement()) {
            s.execute("NOTIFY mash_case_events_stored");
        }
        Instant notified = Instant.now();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                "RED".equals(Screening.screener().get("/api/v1/cases/" + caseId).jsonPath().getString("rag")));
        System.out.printf("EventStoreWakeUpIT: another replica's event in this replica's view %d ms after its"
                + " notification (polling every 60 s)%n", Duration.between(notified, Instant.now()).toMillis());
    }

    @Test
    void aChangeWaitingForTheViewIsAnsweredWhenAnotherReplicaFoldsItIn() throws Exception {
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Nia", "Pryce-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        UUID caseId = UUID.fromString(Screening.caseOf(report).getString("caseId"));
        long next = views.version(caseId) + 1;

        // a screener's change on this replica, waiting for the view to show version `next`
        CompletableFuture<Boolean> answered = CompletableFuture.supplyAsync(() ->
                viewUpdates.await(caseId, next, () -> views.version(caseId), Duration.ofSeconds(50)));
        Thread.sleep(500);
        assertThat(answered).as("nothing has changed the view yet").isNotDone();

        // another replica's processor folds the change into the view and, in the same transaction,
        // notifies the channel as every replica's projection does
        try (Connection c = TestInfrastructure.database().connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement fold = c.prepareStatement("UPDATE case_view SET version = ? WHERE case_id = ?");
                 PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                fold.setLong(1, next);
                fold.setObject(2, caseId);
                fold.executeUpdate();
                notify.setString(1, CaseViewUpdates.CHANNEL);
                notify.setString(2, caseId.toString());
                notify.execute();
            }
            c.commit();
        }

        // the waiter looks again only a minute apart unless told: answered in seconds, it was told
        assertThat(answered.get(20, TimeUnit.SECONDS)).as("the view reached the change's version").isTrue();
    }
}
