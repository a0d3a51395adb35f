package uk.mash.audit;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;

/** Checkpoints as tests make and read them: through the API, and as files on the audit host. */
final class Checkpointing {

    private Checkpointing() {
    }

    /** Two ratings of a fresh case, in the log; returns the sequence of the first (the second follows it). */
    static long appendTwoRatings() {
        UUID caseId = UUID.randomUUID();
        String a;
        String b;
        try (Events events = new Events()) {
            a = events.send(caseId.toString(), EventTypes.RISK_RATED, Instant.now(), Events.rated(caseId, Rag.AMBER, Instant.now()));
            b = events.send(caseId.toString(), EventTypes.RISK_RATED, Instant.now(), Events.rated(caseId, Rag.RED, Instant.now()));
        }
        List<Long> s = AuditLog.awaitSequences(a, b);
        AuditLog.awaitQuiet();
        return s.get(0);
    }

    /** POST /api/v1/audit/checkpoints: the head signed now. */
    static JsonPath make() {
        return Api.auditor().post("/api/v1/audit/checkpoints").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath integrity() {
        return Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200).extract().jsonPath();
    }

    /** The file a checkpoint was written to, under mash.audit.checkpoint-dir. */
    static Path fileOf(JsonPath checkpoint) {
        return dir().resolve(String.format("checkpoint-%020d-%d.json", checkpoint.getLong("sequence"),
                Instant.parse(checkpoint.getString("instant")).toEpochMilli()));
    }

    static Path dir() {
        return Path.of(ConfigProvider.getConfig().getValue("mash.audit.checkpoint-dir", String.class));
    }
}
