package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;
import uk.mash.contracts.events.RiskRated;
import uk.mash.testsupport.TestInfrastructure;

/** A lost or damaged projection is folded again from the log alone. */
@QuarkusTest
class RebuildIT {

    @Test
    void aLostReportToCaseProjectionIsRebuiltFromTheLog() {
        UUID caseId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        Instant t = Instant.now();
        String reportEvent;
        try (Events events = new Events()) {
            reportEvent = events.send(reportId.toString(), EventTypes.REPORT_RECEIVED, t, Events.report(reportId,
                    "MASH-2026-000300", t, Agency.EDUCATION, List.of(Concern.NEGLECT), Events.child("Sam", "Evans")));
            AuditLog.awaitSequences(reportEvent, events.send(caseId.toString(), EventTypes.CASE_OPENED, t,
                    Events.opened(caseId, "MASH-2026-000300", reportId, t, Rag.GREEN, false, List.of(Concern.NEGLECT),
                            Events.child("Sam", "Evans"))));
        }
        assertThat(eventIds(caseId)).contains(reportEvent);

        AuditLog.asInsider("DELETE FROM report_case WHERE case_id = ?", caseId.toString());
        assertThat(eventIds(caseId)).doesNotContain(reportEvent);

        Api.as("manager").post("/api/v1/audit/rebuild").then().statusCode(403);
        Api.auditor().post("/api/v1/audit/rebuild").then().statusCode(200)
                .body("rebuilt", equalTo(List.of("report_case", "report_card_facts")));
        assertThat(eventIds(caseId)).contains(reportEvent);
    }

    /**
     * The rebuild loads the projections in bulk (V4: emptied, the facts' indexes dropped and built again after the
     * load) and derives each report's case with the facts' help: every mapping is the one the appender wrote, an
     * opening's and a linking's alike, and the facts' indexes are those the migrations made, whatever the load did.
     */
    @Test
    void theRebuildDerivesTheMappingsTheAppenderWroteAndLeavesTheFactsIndexedAsTheMigrationsMadeThem() {
        UUID caseId = UUID.randomUUID();
        UUID openingReport = UUID.randomUUID();
        UUID linkedReport = UUID.randomUUID();
        Instant t = Instant.now();
        try (Events events = new Events()) {
            AuditLog.awaitSequences(
                    events.send(caseId.toString(), EventTypes.CASE_OPENED, t, Events.opened(caseId, "MASH-2026-000302",
                            openingReport, t, Rag.RED, false, List.of(Concern.NEGLECT), Events.child("Cai", "Owen"))),
                    events.send(caseId.toString(), EventTypes.REPORT_LINKED, t.plusSeconds(1), Events.linked(caseId,
                            linkedReport, "MASH-2026-000303", t.plusSeconds(1), Agency.HEALTH, List.of(Concern.NEGLECT),
                            Events.child("Cai", "Owen"))));
        }
        AuditLog.awaitQuiet();
        String mappings = "SELECT coalesce(string_agg(report_id || ' ' || case_id || ' ' || sequence, ','"
                + " ORDER BY report_id), '') FROM report_case";
        String indexes = "SELECT string_agg(indexdef, ';' ORDER BY indexname) FROM pg_indexes"
                + " WHERE tablename = 'report_card_facts'";
        List<Object> appended = AuditLog.row(mappings);
        List<Object> migrated = AuditLog.row(indexes);
        assertThat(appended.get(0).toString()).contains(openingReport + " " + caseId, linkedReport + " " + caseId);
        assertThat(migrated.get(0).toString()).contains("report_card_facts_type_time", "report_card_facts_case",
                "report_card_facts_report");

        int rebuilt = Api.auditor().post("/api/v1/audit/rebuild").then().statusCode(200).extract()
                .jsonPath().getInt("reportCases");

        assertThat(AuditLog.row(mappings)).isEqualTo(appended);
        assertThat((long) rebuilt).isEqualTo(AuditLog.count("SELECT count(*) FROM report_case"));
        assertThat(AuditLog.row(indexes)).isEqualTo(migrated);
    }

    /**
     * The rebuild sends the facts in COPY's binary form, arrays included: a rating whose due requests name one
     * without an id (an element null), one with none due (an empty array) and a report with no concern are derived
     * again exactly as the appender wrote them. Dated 2043, far from every period another test reads a card of.
     */
    @Test
    void theRebuildWritesArraysWithNullAndNoElementsAsTheAppenderDid() {
        UUID caseId = UUID.randomUUID();
        Instant t = Instant.parse("2043-02-01T09:15:30.123456Z");
        List<String> ids;
        try (Events events = new Events()) {
            String k = caseId.toString();
            ids = List.of(
                    events.send(k, EventTypes.RISK_RATED, t, Events.rated(caseId, Rag.RED, t, Arrays.asList(
                            new RiskRated.InformationRequestDue(null, t.plusSeconds(60)),
                            new RiskRated.InformationRequestDue(UUID.randomUUID(), t.plusSeconds(90))))),
                    events.send(k, EventTypes.RISK_RATED, t.plusSeconds(1), Events.rated(caseId, Rag.AMBER,
                            t.plusSeconds(1), List.of())),
                    events.send(UUID.randomUUID().toString(), EventTypes.REPORT_RECEIVED, t, Events.report(
                            UUID.randomUUID(), "MASH-2043-000001", t, Agency.HEALTH, List.of(), Events.child("Efa", "Rhys"))));
            AuditLog.awaitSequences(ids.toArray(String[]::new));
        }
        String facts = "SELECT string_agg(f::text, E'\\n' ORDER BY f.sequence) FROM report_card_facts f"
                + " JOIN audit_entries e USING (sequence) WHERE e.event_id = ANY (?)";
        String[] eventIds = ids.toArray(String[]::new);
        List<Object> appended = AuditLog.row(facts, (Object) eventIds);
        assertThat(appended.get(0).toString()).contains("{NULL,", "{}");

        Api.auditor().post("/api/v1/audit/rebuild").then().statusCode(200);

        assertThat(AuditLog.row(facts, (Object) eventIds)).isEqualTo(appended);
    }

    /** AppenderLock's key: what every appender and every rebuild takes. */
    private static final long APPENDERS_LOCK = 0x6d617368_61756469L;

    /**
     * Rebuilds asked at once take turns (were two to clear and fill one projection at once, the second would
     * clear before the first commits, then add its rows again: a duplicate key, a failed rebuild), and an entry
     * appended while they wait is in both projections. The test holds the appenders' lock itself while the
     * three are asked and the entry is sent, so all of them queue, then go as it lets go.
     */
    @Test
    void rebuildsAskedAtOnceTakeTurnsAndAnEntryAppendedMeanwhileIsInTheProjections() throws Exception {
        ExecutorService auditors = Executors.newFixedThreadPool(3);
        UUID caseId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        Instant t = Instant.now();
        String reportEvent;
        String openedEvent;
        try (Events events = new Events(); Connection holder = TestInfrastructure.database().connect()) {
            lock(holder, "pg_advisory_lock");
            List<Future<Response>> rebuilds = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    rebuilds.add(auditors.submit(() -> Api.auditor().post("/api/v1/audit/rebuild")));
                }
                reportEvent = events.send(reportId.toString(), EventTypes.REPORT_RECEIVED, t, Events.report(reportId,
                        "MASH-2026-000301", t, Agency.POLICE, List.of(Concern.NEGLECT), Events.child("Ola", "Nowak")));
                openedEvent = events.send(caseId.toString(), EventTypes.CASE_OPENED, t, Events.opened(caseId,
                        "MASH-2026-000301", reportId, t, Rag.AMBER, false, List.of(Concern.NEGLECT),
                        Events.child("Ola", "Nowak")));
                Thread.sleep(1_000); // the three requests and the appender reach the lock
            } finally {
                lock(holder, "pg_advisory_unlock");
            }
            for (Future<Response> rebuild : rebuilds) {
                rebuild.get(2, TimeUnit.MINUTES).then().statusCode(200)
                        .body("rebuilt", equalTo(List.of("report_case", "report_card_facts")));
            }
            AuditLog.awaitSequences(reportEvent, openedEvent);
        } finally {
            auditors.shutdownNow();
        }
        assertThat(eventIds(caseId)).contains(reportEvent); // report_case maps its report to it
        assertThat(AuditLog.count("SELECT count(*) FROM report_card_facts WHERE report_id = ?", reportId))
                .isEqualTo(2); // its report received and its opening
    }

    private static void lock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, APPENDERS_LOCK);
            s.execute();
        }
    }

    private static List<String> eventIds(UUID caseId) {
        return Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200).extract()
                .jsonPath().getList("eventId");
    }
}
