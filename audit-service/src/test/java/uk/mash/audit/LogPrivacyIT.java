package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;

/** Names and free text of the events the log records never reach the service's own logs, even for a dead letter. */
@QuarkusTest
class LogPrivacyIT {

    @Test
    void personalDataInRecordedEventsStaysOutOfTheServiceLog() throws Exception {
        String family = "Privatename" + UUID.randomUUID().toString().substring(0, 6);
        UUID reportId = UUID.randomUUID();
        String id;
        try (Events events = new Events()) {
            id = events.send(reportId.toString(), EventTypes.REPORT_RECEIVED, Instant.now(), Events.report(reportId,
                    "MASH-2026-000400", Instant.now(), Agency.HEALTH, List.of(Concern.NEGLECT), Events.child("Sam", family)));
            events.raw(Topics.DEAD_LETTER, reportId.toString(), "{\"familyName\":\"" + family + "\"}");
        }
        AuditLog.awaitSequences(id);
        assertThat(Api.auditor().get("/api/v1/audit/export").then().statusCode(200).extract().asString()).contains(family);

        String log = Files.readString(Path.of("target/audit-test.log"));
        assertThat(log).contains("audit-service"); // the log is being written
        assertThat(log).doesNotContain(family);
    }
}
