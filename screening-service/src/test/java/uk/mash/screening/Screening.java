package uk.mash.screening;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TestTokens;
import uk.mash.testsupport.TopicWriter;

/** Drives screening as intake and screeners would: reports onto mash.reports, screeners over REST. */
public final class Screening {

    private final ObjectMapper mapper;

    public Screening(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(ReportReceived report) {
        try (TopicWriter writer = new TopicWriter()) {
            write(writer, report, report.reportId().toString());
        }
    }

    /**
     * Sends the reports in one request, as intake's relay sends what committed together, so that
     * screening polls them in one batch; all under {@code key} (one partition, in this order), or
     * each under its own id when {@code key} is null.
     */
    public void sendTogether(List<ReportReceived> reports, String key) {
        try (TopicWriter writer = new TopicWriter()) {
            writer.together(() -> reports.forEach(r -> write(writer, r, key == null ? r.reportId().toString() : key)));
        }
    }

    private void write(TopicWriter writer, ReportReceived report, String key) {
        try {
            writer.cloudEvent(Topics.REPORTS, key, report.reportId().toString(), EventTypes.REPORT_RECEIVED,
                    "urn:mash:intake-service", report.receivedAt(), mapper.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RequestSpecification screener() {
        return as("screener", "CHILDRENS_SERVICES", "sw.owen");
    }

    public static RequestSpecification as(String role, String agency, String sub) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(role, agency, sub));
    }

    /** Waits until the report was screened and its case's view shows it, and returns that case. */
    public static JsonPath caseOf(ReportReceived report) {
        JsonPath[] view = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String caseId = caseIdOf(report);
            if (caseId == null) {
                return false;
            }
            var answer = screener().get("/api/v1/cases/" + caseId);
            if (answer.statusCode() != 200) {
                return false;
            }
            view[0] = answer.jsonPath();
            // the view follows the event store: wait until it has folded this report in
            return view[0].getList("reports.reportId").contains(report.reportId().toString());
        });
        return view[0];
    }

    /** The case the report was screened into, from screening's own table; null until screened. */
    public static String caseIdOf(ReportReceived report) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("SELECT case_id FROM screened_reports WHERE report_id = ?")) {
            s.setObject(1, report.reportId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sequence number of the case's last event in the event store (another replica's next is one more). */
    public static long lastSequenceOf(String caseId) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
