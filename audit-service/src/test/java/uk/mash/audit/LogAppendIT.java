package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.Topics;

/** Every topic's events land in the log once each, chained in order; a redelivered event is dropped. */
@QuarkusTest
class LogAppendIT {

    @Test
    void eventsOfEveryTopicLandOnceEachChainedAndADuplicateIsDropped() {
        UUID caseId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        UUID adultsReferral = UUID.randomUUID();
        UUID policeReferral = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        Subject sam = Events.child("Sam", "Evans");
        String k = caseId.toString();
        String[] ids;
        try (Events events = new Events()) {
            ids = new String[] {
                    events.send(reportId.toString(), EventTypes.REPORT_RECEIVED, t,
                            Events.report(reportId, "MASH-2026-000001", t, Agency.EDUCATION, List.of(Concern.NEGLECT), sam)),
                    events.send(k, EventTypes.CASE_OPENED, t.plusSeconds(1), Events.opened(caseId, "MASH-2026-000001",
                            reportId, t.plusSeconds(1), Rag.AMBER, false, List.of(Concern.NEGLECT), sam)),
                    events.send(k, EventTypes.DECISION_RECORDED, t.plusSeconds(60), Events.decided(caseId,
                            UUID.randomUUID(), Outcome.CHILD_PROTECTION_STRATEGY, List.of(Route.CHILDREN, Route.POLICE),
                            t.plusSeconds(60), true, null)),
                    events.send(k, EventTypes.REFERRAL_ROUTED, t.plusSeconds(61),
                            Events.routed(referral, caseId, Route.CHILDREN, t.plusSeconds(61))),
                    events.send(k, EventTypes.REFERRAL_ROUTED, t.plusSeconds(61),
                            Events.routed(adultsReferral, caseId, Route.ADULTS, t.plusSeconds(61))),
                    events.send(k, EventTypes.REFERRAL_ROUTED, t.plusSeconds(61),
                            Events.routed(policeReferral, caseId, Route.POLICE, t.plusSeconds(61))),
                    events.send(k, EventTypes.REFERRAL_WITHDRAWN, t.plusSeconds(62),
                            Events.withdrawn(adultsReferral, caseId, Route.ADULTS, t.plusSeconds(62))),
                    events.send(k, EventTypes.REFERRAL_ACKNOWLEDGED, t.plusSeconds(70),
                            Events.acknowledged(referral, caseId, Route.CHILDREN, t.plusSeconds(70), true)),
                    events.send(k, EventTypes.REFERRAL_ESCALATED, t.plusSeconds(80),
                            Events.escalated(policeReferral, caseId, Route.POLICE, t.plusSeconds(80))),
                    events.send(k, EventTypes.CASE_READ, t.plusSeconds(90), Events.read(caseId, "screener.alun", t.plusSeconds(90)))
            };
            // the same report redelivered (same ce_id): dropped
            events.send(ids[0], reportId.toString(), EventTypes.REPORT_RECEIVED, t,
                    Events.report(reportId, "MASH-2026-000001", t, Agency.EDUCATION, List.of(Concern.NEGLECT), sam));
            events.raw(Topics.DEAD_LETTER, k, "{\"caseId\":\"" + caseId + "\",\"broken\":true}");
        }

        List<Long> sequences = AuditLog.awaitSequences(ids);
        for (String id : ids) {
            assertThat(AuditLog.count("SELECT count(*) FROM audit_entries WHERE event_id = ?", id)).isEqualTo(1);
        }
        // a batch is appended in the order it arrives; each topic's own order is kept
        assertThat(sequences.get(1)).isLessThan(sequences.get(2)); // both on mash.case-events

        // the case's events: its report (attributed through the case that opened it), every topic's events, the dead letter
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> types = Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200)
                    .extract().jsonPath().getList("type");
            assertThat(types).contains(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED, EventTypes.DECISION_RECORDED,
                    EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_WITHDRAWN, EventTypes.REFERRAL_ACKNOWLEDGED,
                    EventTypes.REFERRAL_ESCALATED, EventTypes.CASE_READ, "mash.dead-letter");
            assertThat(types.stream().filter(EventTypes.REPORT_RECEIVED::equals)).hasSize(1);
        });

        JsonPath events = Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> inOrder = events.getList("sequence", Integer.class);
        assertThat(inOrder).isSorted();
        // each entry's hash is the hash of its own fields over the previous entry's hash
        long first = inOrder.get(0);
        String previous = first == 1 ? CanonicalForm.GENESIS
                : (String) AuditLog.row("SELECT hash FROM audit_entries WHERE sequence = ?", first - 1).get(0);
        assertThat(events.getString("[0].previousHash")).isEqualTo(previous);
        String report = "find { it.eventId == '" + ids[0] + "' }";
        assertThat(events.getString(report + ".actor.sub")).isEqualTo("referrer.jones");
        assertThat(events.getString(report + ".actor.agency")).isEqualTo("EDUCATION");
        assertThat(events.getString(report + ".data.reference")).isEqualTo("MASH-2026-000001");
        assertThat(events.getString("find { it.eventId == '" + ids[1] + "' }.occurredAt")).isEqualTo("2026-11-20T09:00:01Z");

        Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200)
                .body("verified", equalTo(true)).body("firstBrokenSequence", equalTo(null));
    }

    @Test
    void aReportThatArrivesAfterItsCaseOpenedStillBelongsToTheCase() {
        UUID caseId = UUID.randomUUID();
        UUID opening = UUID.randomUUID();
        UUID linkedReport = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Subject child = Events.child("Osian", "Pritchard");
        String[] ids;
        try (Events events = new Events()) {
            // screening's events overtake intake's: the log learns the report's case before it sees the report
            ids = new String[] {
                    events.send(caseId.toString(), EventTypes.CASE_OPENED, t, Events.opened(caseId, "MASH-2026-000002",
                            opening, t, Rag.GREEN, false, List.of(Concern.NEGLECT), child)),
                    events.send(caseId.toString(), EventTypes.REPORT_LINKED, t.plusSeconds(5), Events.linked(caseId,
                            linkedReport, "MASH-2026-000003", t.plusSeconds(5), Agency.HEALTH, List.of(Concern.MISSING), child)),
                    events.send(opening.toString(), EventTypes.REPORT_RECEIVED, t.minusSeconds(1), Events.report(opening,
                            "MASH-2026-000002", t.minusSeconds(1), Agency.EDUCATION, List.of(Concern.NEGLECT), child)),
                    events.send(linkedReport.toString(), EventTypes.REPORT_RECEIVED, t.plusSeconds(4), Events.report(
                            linkedReport, "MASH-2026-000003", t.plusSeconds(4), Agency.HEALTH, List.of(Concern.MISSING), child))
            };
        }
        AuditLog.awaitSequences(ids);
        List<String> eventIds = Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200)
                .extract().jsonPath().getList("eventId");
        assertThat(eventIds).containsSubsequence(ids[0], ids[1]).contains(ids[2], ids[3]);
        // and no log row was changed to say so: the reports' own entries still carry no case id
        assertThat(AuditLog.count("SELECT count(*) FROM audit_entries WHERE event_id IN (?, ?) AND case_id IS NULL",
                ids[2], ids[3])).isEqualTo(2);
    }

    @Test
    void anUnknownCaseIsNotFound() {
        Api.auditor().get("/api/v1/audit/cases/" + UUID.randomUUID() + "/events").then().statusCode(404)
                .contentType("application/problem+json");
        Api.auditor().get("/api/v1/audit/cases/not-a-case/events").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
