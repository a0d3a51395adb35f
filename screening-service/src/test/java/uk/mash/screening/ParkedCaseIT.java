package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.contracts.Subject;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * One poisoned case never stops the case view or the publication of the others: the processors
 * park it (its events held, in order, per case) and go on; it resumes by itself once the cause is
 * gone. A broker outage parks nothing: publication waits and resumes.
 */
@QuarkusTest
class ParkedCaseIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void aCaseWithAStoredEventThisReleaseCannotReadIsParkedWhileOtherCasesReachTheViewAndTheTopic() throws Exception {
        ReportReceived first = Reports.school(Instant.now(), Reports.child("Ffion", "Lloyd-" + suffix(), null));
        new Screening(mapper).send(first);
        String poisoned = Screening.caseOf(first).getString("caseId");
        // a rating as a newer release would store it, with a RAG this release does not know
        String unreadable = storeEvent(poisoned, RiskRated.class, mapper.writeValueAsString(new RiskRated(
                UUID.fromString(poisoned), Rag.AMBER, "Rated by a newer release", "sw.owen", Agency.CHILDRENS_SERVICES,
                Instant.now())).replace("\"AMBER\"", "\"PURPLE\""));

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            ReportReceived next = Reports.school(Instant.now(), Reports.child("Gwen", "Lloyd-" + suffix(), null));
            new Screening(mapper).send(next);
            String other = Screening.caseOf(next).getString("caseId");
            caseEvents.await(r -> other.equals(r.key()) && "mash.case.opened.v1".equals(r.header("ce_type")),
                    Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(parkedIn(poisoned)).containsExactlyInAnyOrder("case-view", "case-events"));
            assertThat(caseEvents.all(r -> unreadable.equals(r.header("ce_id")), Duration.ofSeconds(2)))
                    .as("the event neither processor could read is not published").isEmpty();
        }
        // the parked case still reads as it stood before the event it could not apply
        assertThat(Screening.screener().get("/api/v1/cases/" + poisoned).then().statusCode(200).extract().jsonPath()
                .getList("riskRatings")).isEmpty();
        // an operator sees it
        RestAssured.get("/q/health/ready").then()
                .body("checks.find { it.name == 'parked-cases' }.data.'case-view'", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'parked-cases' }.data.'case-events'", greaterThanOrEqualTo(1));
        RestAssured.get("/q/metrics").then()
                .body(containsString("mash_screening_parked_cases{processingGroup=\"case-view\"}"));
    }

    @Test
    void aCaseParkedByALostViewRowResumesByItselfOnceTheRowIsRepaired() {
        Subject child = Reports.child("Osian", "Pugh-" + suffix(), null);
        ReportReceived first = Reports.school(Instant.now(), child);
        new Screening(mapper).send(first);
        String caseId = Screening.caseOf(first).getString("caseId");
        String lostRow = "lost_view_" + suffix();
        sql("CREATE TABLE " + lostRow + " AS SELECT * FROM case_view WHERE case_id = '" + caseId + "'",
                "DELETE FROM case_view WHERE case_id = '" + caseId + "'");

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            // a second report about the same child joins the case; the view has no row to apply it to
            ReportReceived second = Reports.school(Instant.now(), child);
            new Screening(mapper).send(second);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(parkedIn(caseId)).containsExactly("case-view"));
            // publication is another processor, and did not fail: the link is on the topic
            caseEvents.await(r -> caseId.equals(r.key()) && "mash.case.report-linked.v1".equals(r.header("ce_type")),
                    Duration.ofSeconds(60));

            sql("INSERT INTO case_view SELECT * FROM " + lostRow, "DROP TABLE " + lostRow);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Screening.screener().get("/api/v1/cases/" + caseId).then().statusCode(200).extract()
                            .jsonPath().getList("reports.reportId")).contains(second.reportId().toString()));
            assertThat(parkedIn(caseId)).isEmpty();
        }
    }

    @Test
    void aBrokerOutageParksNothingAndPublicationResumesWhenItReturns() throws Exception {
        ReportReceived report = Reports.school(Instant.now(), Reports.child("Elan", "Rowlands-" + suffix(), null));
        new Screening(mapper).send(report);
        String caseId = Screening.caseOf(report).getString("caseId");

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            TestInfrastructure.pauseBroker();
            try {
                Screening.screener().body("{\"rag\": \"RED\", \"rationale\": \"Rated while Kafka was away\"}")
                        .post("/api/v1/cases/" + caseId + "/risk-rating").then().statusCode(200);
                // past the producer's delivery timeout (10 s): the publisher's batch has failed at least once
                Thread.sleep(12_000);
                assertThat(parkedIn(caseId)).isEmpty();
            } finally {
                TestInfrastructure.resumeBroker();
            }
            caseEvents.await(r -> caseId.equals(r.key()) && "mash.case.risk-rated.v1".equals(r.header("ce_type")),
                    Duration.ofSeconds(120));
        }
        assertThat(parkedIn(caseId)).isEmpty();
    }

    /** The processing groups that hold the case parked. */
    private static List<String> parkedIn(String caseId) {
        List<String> groups = new ArrayList<>();
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT DISTINCT processinggroup FROM deadletterentry WHERE sequenceidentifier = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return groups;
    }

    /** Appends an event to the case's stream in Axon's event store, as a release would have; returns its id. */
    private static String storeEvent(String caseId, Class<?> type, String json) {
        String eventId = UUID.randomUUID().toString();
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                   payload, payloadrevision, payloadtype, timestamp)
                     SELECT aggregateidentifier, (SELECT max(sequencenumber) + 1 FROM domainevententry
                                                  WHERE aggregateidentifier = ?),
                            type, ?, metadata, convert_to(?, 'UTF8'), NULL, ?, timestamp
                     FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0""")) {
            s.setString(1, caseId);
            s.setString(2, eventId);
            s.setString(3, json);
            s.setString(4, type.getName());
            s.setString(5, caseId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private static void sql(String... statements) {
        try (Connection c = TestInfrastructure.database().connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
