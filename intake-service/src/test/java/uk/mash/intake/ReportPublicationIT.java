package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Consent;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TopicReader;

@QuarkusTest
class ReportPublicationIT extends ReadsMashReports {

    @Inject
    ObjectMapper mapper;

    @Test
    void anAcceptedReportArrivesOnMashReportsAsABinaryCloudEvent() throws Exception {
        Map<String, Object> report = Requests.report();
        var answer = Requests.as("referrer", "EDUCATION", "dsl.jones").body(report).post("/api/v1/reports")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/reports/[0-9a-f-]{36}"))
                .body("reference", matchesPattern("MASH-\\d{4}-\\d{6}"))
                .body("status", equalTo("RECEIVED"))
                .extract().jsonPath();
        String reportId = answer.getString("reportId");

        TopicReader.Received record = topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30));

        assertThat(record.header("ce_id")).isNotBlank();
        assertThat(record.header("ce_type")).isEqualTo("mash.report.received.v1");
        assertThat(record.header("ce_source")).isEqualTo("urn:mash:intake-service");
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(record.header("ce_subject")).isEqualTo(reportId);
        assertThat(Instant.parse(record.header("ce_time"))).isEqualTo(Instant.parse(answer.getString("receivedAt")));
        assertThat(record.header("content-type")).isEqualTo("application/json");

        ReportReceived event = mapper.readValue(record.value(), ReportReceived.class);
        assertThat(event.reportId()).hasToString(reportId);
        assertThat(event.reference()).isEqualTo(answer.getString("reference"));
        assertThat(event.submittedBy().sub()).isEqualTo("dsl.jones");
        assertThat(event.submittedBy().agency()).isEqualTo(Agency.EDUCATION);
        assertThat(event.referrer().organisation()).isEqualTo("Ysgol Aberconwy");
        assertThat(event.channel()).isEqualTo(Channel.ONLINE);
        assertThat(event.consent()).isEqualTo(Consent.GIVEN);
        assertThat(event.initialRag()).isNull();
        assertThat(event.police()).isNull();
        assertThat(event.subjects()).hasSize(2);
        assertThat(event.subjects().get(0).role()).isEqualTo(SubjectRole.CHILD);
        assertThat(event.subjects().get(0).familyName()).isEqualTo(Requests.subject(report, 0).get("familyName"));
        assertThat(event.subjects().get(0).dateOfBirth()).isEqualTo(LocalDate.now().minusYears(10));
        assertThat(event.subjects().get(0).subjectId()).isNotNull();
    }

    @Test
    void immediateRiskRatesTheReportRedFromTheStart() throws Exception {
        Map<String, Object> report = Requests.report();
        report.put("immediateRisk", true);
        report.remove("consent");
        String reportId = Requests.submit(report).then().statusCode(202).extract().path("reportId");

        ReportReceived event = mapper.readValue(
                topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30)).value(), ReportReceived.class);

        assertThat(event.initialRag()).hasToString("RED");
        assertThat(event.consent()).isEqualTo(Consent.NOT_SOUGHT);
    }

    @Test
    void theReferrerReadsTheStatusOfTheirOwnReportOnly() {
        String reportId = Requests.as("referrer", "EDUCATION", "dsl.jones").body(Requests.report())
                .post("/api/v1/reports").then().statusCode(202).extract().path("reportId");

        Requests.as("referrer", "EDUCATION", "dsl.jones").get("/api/v1/reports/" + reportId)
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("reportId", equalTo(reportId));
        Requests.as("screener", "CHILDRENS_SERVICES").get("/api/v1/reports/" + reportId)
                .then().statusCode(200);
        Requests.as("referrer", "HEALTH", "someone.else").get("/api/v1/reports/" + reportId)
                .then().statusCode(404).contentType("application/problem+json");
    }
}
