package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;

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

    private static List<String> eventIds(UUID caseId) {
        return Api.auditor().get("/api/v1/audit/cases/" + caseId + "/events").then().statusCode(200).extract()
                .jsonPath().getList("eventId");
    }
}
