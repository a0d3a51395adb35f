package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TopicReader;
import uk.mash.testsupport.TopicWriter;

/**
 * A record on mash.reports that can never be screened goes to mash.dead-letter with its reason
 * and where it came from, and the report behind it (same key, so same partition) still opens its case.
 */
@QuarkusTest
class PoisonReportIT {

    private static final String INTAKE = "urn:mash:intake-service";

    @Inject
    ObjectMapper mapper;

    TopicReader deadLetters;
    TopicWriter writer;

    @BeforeEach
    void open() {
        deadLetters = new TopicReader(Topics.DEAD_LETTER);
        writer = new TopicWriter();
    }

    @AfterEach
    void close() {
        deadLetters.close();
        writer.close();
    }

    private TopicReader.Received deadLetterOf(String key) {
        return deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(60));
    }

    private void aGoodReportBehindItStillOpensItsCase(String key) throws Exception {
        ReportReceived good = Reports.school(Instant.now(), Reports.child("Sam", "Evans-" + key.substring(0, 8), null));
        writer.cloudEvent(Topics.REPORTS, key, good.reportId().toString(), EventTypes.REPORT_RECEIVED, INTAKE,
                good.receivedAt(), mapper.writeValueAsString(good));
        assertThat(Screening.caseOf(good).getString("status")).isEqualTo("AWAITING_DECISION");
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredWhereItCameFrom() throws Exception {
        String key = UUID.randomUUID().toString();
        writer.raw(Topics.REPORTS, key, "{\"summary\": \"Sam Evans, 9\"}");

        TopicReader.Received dead = deadLetterOf(key);
        assertThat(dead.header("dead-letter-reason")).startsWith("Not a CloudEvent");
        assertThat(dead.header("dead-letter-topic")).isEqualTo(Topics.REPORTS);
        assertThat(dead.header("dead-letter-partition")).matches("\\d+");
        assertThat(dead.header("dead-letter-offset")).matches("\\d+");
        assertThat(dead.headers().values().toString()).doesNotContain("Sam Evans");
        aGoodReportBehindItStillOpensItsCase(key);
    }

    @Test
    void aReportThatIsNotJsonIsDeadLetteredWithoutItsText() throws Exception {
        String key = UUID.randomUUID().toString();
        writer.cloudEvent(Topics.REPORTS, key, EventTypes.REPORT_RECEIVED, INTAKE, "Sam Evans, 9, {");

        TopicReader.Received dead = deadLetterOf(key);
        assertThat(dead.header("dead-letter-reason")).contains("not well-formed JSON");
        assertThat(dead.header("ce_type")).as("its own headers travel with it").isEqualTo(EventTypes.REPORT_RECEIVED);
        assertThat(dead.headers().values().toString()).doesNotContain("Sam Evans");
        aGoodReportBehindItStillOpensItsCase(key);
    }

    @Test
    void aReportOfTheWrongShapeIsDeadLetteredNamingTheField() throws Exception {
        String key = UUID.randomUUID().toString();
        writer.cloudEvent(Topics.REPORTS, key, EventTypes.REPORT_RECEIVED, INTAKE,
                "{\"reportId\": \"" + key + "\", \"receivedAt\": \"" + Instant.now() + "\", \"subjects\": \"Sam\"}");
        assertThat(deadLetterOf(key).header("dead-letter-reason")).contains("$.subjects").doesNotContain("Sam");

        String other = UUID.randomUUID().toString();
        writer.cloudEvent(Topics.REPORTS, other, EventTypes.REPORT_RECEIVED, INTAKE, "{\"subjects\": []}");
        assertThat(deadLetterOf(other).header("dead-letter-reason")).contains("'reportId'");
        aGoodReportBehindItStillOpensItsCase(other);
    }

    @Test
    void aRecordOfAnotherTypeIsDeadLettered() throws Exception {
        String key = UUID.randomUUID().toString();
        writer.cloudEvent(Topics.REPORTS, key, EventTypes.CASE_OPENED, INTAKE, "{}");
        assertThat(deadLetterOf(key).header("dead-letter-reason")).isEqualTo("Not a report: "
                + EventTypes.CASE_OPENED + " on " + Topics.REPORTS);
        aGoodReportBehindItStillOpensItsCase(key);
    }

    @Test
    void aCloudEventWhoseTimeIsNotATimeDoesNotStopTheReportsBehindIt() throws Exception {
        String key = UUID.randomUUID().toString();
        writer.withHeaders(Topics.REPORTS, key, "{}", Map.of("ce_specversion", "1.0", "ce_id", key,
                "ce_type", EventTypes.REPORT_RECEIVED, "ce_source", INTAKE, "ce_time", "yesterday"));
        TopicReader.Received dead = deadLetterOf(key);
        assertThat(dead.header("dead-letter-reason")).isEqualTo("Not a readable CloudEvent: ce_time is not an RFC 3339 time");
        assertThat(dead.header("ce_time")).as("its headers as received").isEqualTo("yesterday");
        aGoodReportBehindItStillOpensItsCase(key);
    }
}
