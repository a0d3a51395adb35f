package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TopicReader;

/** Names, dates of birth, NHS numbers and summaries never reach the logs, whatever happens to the report. */
@QuarkusTest
class LogPrivacyIT {

    @Test
    void personalDataOfAcceptedAndRefusedReportsStaysOutOfTheLog() throws Exception {
        String family = "Privatename" + UUID.randomUUID().toString().substring(0, 6);
        String summary = "Distinctive summary " + UUID.randomUUID();
        Map<String, Object> accepted = Requests.report();
        Requests.subject(accepted, 0).put("familyName", family);
        Requests.subject(accepted, 0).put("dateOfBirth", "2013-02-17");
        Requests.subject(accepted, 0).put("nhsNumber", "4010232137");
        accepted.put("summary", summary);
        String reportId = Requests.submit(accepted).then().statusCode(202).extract().path("reportId");

        Map<String, Object> refused = Requests.report();
        Requests.subject(refused, 0).put("familyName", family);
        Requests.subject(refused, 0).put("nhsNumber", "4010232138");
        refused.put("summary", summary);
        Requests.submit(refused).then().statusCode(422);

        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30));
        }

        String log = Files.readString(Path.of("target/intake-test.log"));
        assertThat(log).contains(reportId); // the log is being written, and ids are fine
        assertThat(log).doesNotContain(family, summary, "2013-02-17", "4010232137", "4010232138");
    }
}
