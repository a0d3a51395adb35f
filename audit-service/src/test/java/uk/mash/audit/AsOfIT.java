package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;

/** The case as it stood at any instant, rebuilt from the log alone. */
@QuarkusTest
class AsOfIT {

    /** What changes with each event, written by hand: status, rag, reports, ratings, information, overdue, decision, version. */
    record Expected(String status, String rag, int reports, int ratings, int information, boolean overdue,
                    String outcome, int version) {
    }

    @Test
    void theStateJustBeforeAndAtEachEventIsExactlyTheStateAtThatInstant() {
        UUID caseId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        UUID linkedReport = UUID.randomUUID();
        Subject sam = Events.child("Sam", "Evans");
        Instant received = Instant.parse("2026-11-20T22:15:00Z");
        Instant[] at = {
                Instant.parse("2026-11-20T22:15:02Z"), // opened
                Instant.parse("2026-11-21T09:00:00Z"), // rated RED
                Instant.parse("2026-11-21T10:30:00Z"), // health information
                Instant.parse("2026-11-21T11:00:00Z"), // a second report linked
                Instant.parse("2026-11-21T22:15:02Z"), // overdue
                Instant.parse("2026-11-22T08:00:00Z")  // decided
        };
        String k = caseId.toString();
        List<String> ids = new ArrayList<>();
        try (Events events = new Events()) {
            ids.add(events.send(reportId.toString(), EventTypes.REPORT_RECEIVED, received, Events.report(reportId,
                    "MASH-2026-000123", received, Agency.POLICE, List.of(Concern.DOMESTIC_ABUSE), sam)));
            ids.add(events.send(k, EventTypes.CASE_OPENED, at[0], Events.opened(caseId, "MASH-2026-000123", reportId, at[0],
                    Rag.AMBER, true, List.of(Concern.DOMESTIC_ABUSE), sam)));
            ids.add(events.send(k, EventTypes.RISK_RATED, at[1], Events.rated(caseId, Rag.RED, at[1])));
            ids.add(events.send(k, EventTypes.AGENCY_INFORMATION_ADDED, at[2], Events.information(caseId, at[2])));
            ids.add(events.send(k, EventTypes.REPORT_LINKED, at[3], Events.linked(caseId, linkedReport, "MASH-2026-000130",
                    at[3], Agency.HEALTH, List.of(Concern.NEGLECT), sam)));
            ids.add(events.send(k, EventTypes.DECISION_OVERDUE, at[4], Events.overdue(caseId, at[4], at[4])));
            ids.add(events.send(k, EventTypes.DECISION_RECORDED, at[5], Events.decided(caseId, UUID.randomUUID(),
                    Outcome.CHILD_PROTECTION_STRATEGY, List.of(Route.CHILDREN, Route.POLICE), at[5], false, null)));
        }
        AuditLog.awaitSequences(ids.toArray(String[]::new));

        Expected[] after = {
                new Expected("AWAITING_DECISION", "AMBER", 1, 0, 0, false, null, 1),
                new Expected("AWAITING_DECISION", "RED", 1, 1, 0, false, null, 2),
                new Expected("AWAITING_DECISION", "RED", 1, 1, 1, false, null, 3),
                new Expected("AWAITING_DECISION", "RED", 2, 1, 1, false, null, 4),
                new Expected("AWAITING_DECISION", "RED", 2, 1, 1, true, null, 5),
                new Expected("DECIDED", "RED", 2, 1, 1, false, "CHILD_PROTECTION_STRATEGY", 6)};

        // before the case was opened it did not exist
        Api.auditor().queryParam("asOf", at[0].minusMillis(1).toString()).get("/api/v1/audit/cases/" + caseId + "/state")
                .then().statusCode(404).contentType("application/problem+json");
        for (int i = 0; i < at.length; i++) {
            Map<String, Object> atEvent = state(caseId, at[i]);
            assertThat(summary(atEvent)).as("at event %d", i).isEqualTo(after[i]);
            if (i > 0) {
                // just before the event, the case is exactly as the previous event left it
                assertThat(state(caseId, at[i].minusMillis(1))).as("before event %d", i).isEqualTo(state(caseId, at[i - 1]));
            }
        }

        // the whole view, as screening shows it
        Api.auditor().get("/api/v1/audit/cases/" + caseId + "/state").then().statusCode(200)
                .body("caseId", equalTo(k)).body("reference", equalTo("MASH-2026-000123"))
                .body("openedAt", equalTo("2026-11-20T22:15:02Z")).body("decisionDueBy", equalTo("2026-11-21T22:15:02Z"))
                .body("reReferral", equalTo(true)).body("previousCaseIds.size()", equalTo(1))
                .body("reports[0].reportId", equalTo(reportId.toString())).body("reports[0].agency", equalTo("POLICE"))
                .body("reports[0].channel", equalTo("ONLINE")).body("reports[0].receivedAt", equalTo("2026-11-20T22:15:00Z"))
                .body("reports[1].reference", equalTo("MASH-2026-000130")).body("reports[1].agency", equalTo("HEALTH"))
                .body("subjects.size()", equalTo(1)).body("subjects[0].givenName", equalTo("Sam"))
                .body("subjects[0].dateOfBirth", equalTo("2016-03-01"))
                .body("concerns", equalTo(List.of("DOMESTIC_ABUSE", "NEGLECT")))
                .body("agencyInformation[0].legalBasis", equalTo("SAFEGUARDING_WITHOUT_CONSENT"))
                .body("riskRatings[0].ratedBy", equalTo("screener.alun"))
                .body("decision.routes", equalTo(List.of("CHILDREN", "POLICE")))
                .body("decision.withinTimescale", equalTo(false)).body("decision.decidedAt", equalTo("2026-11-22T08:00:00Z"));
    }

    @Test
    void beforeAnAnswerTheRequestIsOpenWithNothingSharedAndFromItTheRequestIsAnsweredAndItsAnswerShared() {
        UUID caseId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        Instant opened = Instant.parse("2026-11-25T09:00:00Z");
        Instant asked = Instant.parse("2026-11-25T09:30:00Z");
        Instant answeredAt = Instant.parse("2026-11-25T10:15:00Z");
        String k = caseId.toString();
        List<String> ids = new ArrayList<>();
        try (Events events = new Events()) {
            ids.add(events.send(k, EventTypes.CASE_OPENED, opened, Events.opened(caseId, "MASH-2026-000140",
                    UUID.randomUUID(), opened, Rag.AMBER, Consent.GIVEN, Events.child("Sam", "Evans"))));
            ids.add(events.send(k, EventTypes.INFORMATION_REQUESTED, asked,
                    Events.requested(caseId, requestId, Agency.HEALTH, asked, Duration.ofHours(6), Rag.AMBER)));
            ids.add(events.send(k, EventTypes.INFORMATION_REQUEST_ANSWERED, answeredAt, Events.answered(caseId, requestId,
                    Agency.HEALTH, asked, answeredAt, asked.plus(Duration.ofHours(6)), Rag.AMBER)));
        }
        AuditLog.awaitSequences(ids.toArray(String[]::new));
        String state = "/api/v1/audit/cases/" + caseId + "/state";

        Api.auditor().queryParam("asOf", answeredAt.minusMillis(1).toString()).get(state).then().statusCode(200)
                .body("consent", equalTo("GIVEN"))
                .body("informationRequests.size()", equalTo(1))
                .body("informationRequests[0].requestId", equalTo(requestId.toString()))
                .body("informationRequests[0].agency", equalTo("HEALTH"))
                .body("informationRequests[0].requestedBy", equalTo("screener.alun"))
                .body("informationRequests[0].requestedByAgency", equalTo("CHILDRENS_SERVICES"))
                .body("informationRequests[0].requestedAt", equalTo("2026-11-25T09:30:00Z"))
                .body("informationRequests[0].dueBy", equalTo("2026-11-25T15:30:00Z"))
                .body("informationRequests[0].rag", equalTo("AMBER"))
                .body("informationRequests[0].status", equalTo("OPEN"))
                .body("informationRequests[0].overdue", equalTo(false))
                .body("informationRequests[0].answeredBy", equalTo(null))
                .body("agencyInformation.size()", equalTo(0))
                .body("version", equalTo(2));

        Api.auditor().queryParam("asOf", answeredAt.toString()).get(state).then().statusCode(200)
                .body("informationRequests[0].status", equalTo("ANSWERED"))
                .body("informationRequests[0].answeredBy", equalTo("answerer.health"))
                .body("informationRequests[0].answeredAt", equalTo("2026-11-25T10:15:00Z"))
                .body("agencyInformation.size()", equalTo(1))
                .body("agencyInformation[0].requestId", equalTo(requestId.toString()))
                .body("agencyInformation[0].agency", equalTo("HEALTH"))
                .body("agencyInformation[0].sharedBy", equalTo("answerer.health"))
                .body("agencyInformation[0].sharedAt", equalTo("2026-11-25T10:15:00Z"))
                .body("agencyInformation[0].legalBasis", equalTo("CONSENT"))
                .body("agencyInformation[0].summary", equalTo("Known to us: two missed appointments."))
                .body("version", equalTo(3));

        // the log names who asked and who answered, each with their own agency
        Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200)
                .body("find { it.type == 'mash.case.information-requested.v1' }.actor.sub", equalTo("screener.alun"))
                .body("find { it.type == 'mash.case.information-requested.v1' }.actor.agency", equalTo("CHILDRENS_SERVICES"))
                .body("find { it.type == 'mash.case.information-request-answered.v1' }.actor.sub", equalTo("answerer.health"))
                .body("find { it.type == 'mash.case.information-request-answered.v1' }.actor.agency", equalTo("HEALTH"));
    }

    @Test
    void aMalformedInstantIsABadRequest() {
        Api.auditor().queryParam("asOf", "yesterday").get("/api/v1/audit/cases/" + UUID.randomUUID() + "/state").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("asOf"));
    }

    private static Map<String, Object> state(UUID caseId, Instant asOf) {
        return Api.auditor().queryParam("asOf", asOf.toString()).get("/api/v1/audit/cases/" + caseId + "/state").then()
                .statusCode(200).extract().jsonPath().getMap("$");
    }

    @SuppressWarnings("unchecked")
    private static Expected summary(Map<String, Object> s) {
        Map<String, Object> decision = (Map<String, Object>) s.get("decision");
        return new Expected((String) s.get("status"), (String) s.get("rag"), ((List<?>) s.get("reports")).size(),
                ((List<?>) s.get("riskRatings")).size(), ((List<?>) s.get("agencyInformation")).size(),
                (Boolean) s.get("overdue"), decision == null ? null : (String) decision.get("outcome"),
                ((Number) s.get("version")).intValue());
    }
}
