package uk.mash.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.testsupport.TopicWriter;

/** The referrer sees their report move from RECEIVED to SCREENING to DECIDED, with the outcome and nothing more. */
@QuarkusTest
class ReferrerFeedbackIT {

    private static final String SCREENING = "urn:mash:screening-service";

    @Inject
    ObjectMapper mapper;

    private String submit(String sub) {
        return Requests.as("referrer", "EDUCATION", sub).body(Requests.report()).post("/api/v1/reports")
                .then().statusCode(202).extract().path("reportId");
    }

    private void awaitStatus(String sub, String reportId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(Requests.as("referrer", "EDUCATION", sub)
                .get("/api/v1/reports/" + reportId).then().statusCode(200).extract().path("status")));
    }

    private void publish(TopicWriter writer, UUID caseId, String type, Object event) throws Exception {
        writer.cloudEvent(Topics.CASE_EVENTS, caseId.toString(), type, SCREENING, mapper.writeValueAsString(event));
    }

    @Test
    void aReportMovesFromReceivedToScreeningToDecidedWithItsCaseReferenceAndOutcome() throws Exception {
        String reportId = submit("dsl.jones");
        String linkedReportId = submit("hv.roberts");
        UUID caseId = UUID.randomUUID();
        Requests.as("referrer", "EDUCATION", "dsl.jones").get("/api/v1/reports/" + reportId).then()
                .body("status", equalTo("RECEIVED")).body("caseReference", nullValue());

        try (TopicWriter writer = new TopicWriter()) {
            publish(writer, caseId, EventTypes.CASE_OPENED, new CaseOpened(caseId, "MASH-2026-990001",
                    UUID.fromString(reportId), Instant.now(), Instant.now().plusSeconds(86_400), List.of(), List.of(),
                    null, false, List.of()));
            awaitStatus("dsl.jones", reportId, "SCREENING");
            Requests.as("referrer", "EDUCATION", "dsl.jones").get("/api/v1/reports/" + reportId).then()
                    .body("caseReference", equalTo("MASH-2026-990001")).body("outcome", nullValue());

            publish(writer, caseId, EventTypes.REPORT_LINKED, new ReportLinked(caseId, UUID.fromString(linkedReportId),
                    "MASH-2026-990002", Instant.now(), Instant.now(), null, null, List.of(), List.of()));
            awaitStatus("hv.roberts", linkedReportId, "SCREENING");

            publish(writer, caseId, EventTypes.DECISION_RECORDED, new DecisionRecorded(caseId, "MASH-2026-990001",
                    UUID.randomUUID(), Outcome.EARLY_HELP, List.of(Route.CHILDREN), "Family support", "sw.owen", null,
                    Instant.now(), true, null, null, null, List.of(), List.of(), List.of()));
        }
        awaitStatus("dsl.jones", reportId, "DECIDED");
        awaitStatus("hv.roberts", linkedReportId, "DECIDED");
        Requests.as("referrer", "EDUCATION", "hv.roberts").get("/api/v1/reports/" + linkedReportId).then()
                .body("outcome", equalTo("EARLY_HELP")).body("caseReference", equalTo("MASH-2026-990001"));
    }
}
