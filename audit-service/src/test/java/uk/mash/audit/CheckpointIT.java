package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;

/** Signed checkpoints of the head, kept outside the database, catch a log rewritten and re-hashed by an insider. */
@QuarkusTest
class CheckpointIT {

    @Test
    void aCheckpointIsSignedWithAuditsKeyAndTheLatestCanBeFetched() throws Exception {
        Checkpointing.appendTwoRatings();
        JsonPath made = Checkpointing.make();
        long head = AuditLog.count("SELECT max(sequence) FROM audit_entries");
        assertThat(made.getLong("sequence")).isEqualTo(head);
        assertThat(made.getString("hash")).isEqualTo(AuditLog.text("hash", head));

        JsonPath latest = Api.auditor().get("/api/v1/audit/checkpoints/latest").then().statusCode(200).extract().jsonPath();
        assertThat(latest.getString("signature")).isEqualTo(made.getString("signature"));

        // what a verifier does with the published public key
        String pem = Api.auditor().get("/api/v1/audit/checkpoints/public-key").then().statusCode(200).extract().asString();
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        // the text of README "Signed checkpoints": the head, the instant, and the place in the series
        assertThat(latest.getLong("number")).isPositive();
        String signed = "{\"hash\":\"" + latest.getString("hash") + "\",\"instant\":\"" + latest.getString("instant")
                + "\",\"number\":" + latest.getLong("number") + ",\"previousSequence\":" + latest.get("previousSequence")
                + ",\"sequence\":" + latest.getLong("sequence") + "}";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(latest.getString("signature")))).isTrue();

        // the same text with another head does not verify: the signature binds sequence and hash
        verifier.initVerify(key);
        verifier.update(signed.replace("\"sequence\":" + head, "\"sequence\":" + (head + 1)).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(latest.getString("signature")))).isFalse();

        // nor with another place in the series: a removed checkpoint cannot be hidden by renumbering the next
        verifier.initVerify(key);
        verifier.update(signed.replace("\"number\":" + latest.getLong("number"), "\"number\":" + (latest.getLong("number") - 1))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(latest.getString("signature")))).isFalse();
    }

    @Test
    void aLogRewrittenAndReHashedConsistentlyIsCaughtAgainstTheSignedCheckpoint() {
        Checkpointing.appendTwoRatings();
        long first = Checkpointing.make().getLong("sequence");
        long rewritten = Checkpointing.appendTwoRatings();
        long second = Checkpointing.make().getLong("sequence");
        assertThat(rewritten).isGreaterThan(first).isLessThanOrEqualTo(second);
        Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200).body("verified", equalTo(true));

        // the insider changes a rating and re-hashes every entry after it, exactly as the README says
        long head = AuditLog.count("SELECT max(sequence) FROM audit_entries");
        List<List<Object>> originals = new ArrayList<>();
        String previous = AuditLog.text("hash", rewritten - 1);
        for (long s = rewritten; s <= head; s++) {
            List<Object> row = AuditLog.row("SELECT data, previous_hash, hash FROM audit_entries WHERE sequence = ?", s);
            originals.add(row);
            AuditEntry e = entry(s);
            String data = s == rewritten ? e.data().replace("\"rag\":\"AMBER\"", "\"rag\":\"GREEN\"") : e.data();
            String hash = CanonicalForm.hash(previous, CanonicalForm.entry(s, e.eventId(), e.type(), e.source(), e.caseId(),
                    e.occurredAt(), e.recordedAt(), e.actorSub(), e.actorAgency(), data));
            AuditLog.asInsider("UPDATE audit_entries SET data = ?, previous_hash = ?, hash = ? WHERE sequence = ?",
                    data, previous, hash, s);
            previous = hash;
        }
        try {
            assertThat(AuditLog.text("data", rewritten)).contains("\"rag\":\"GREEN\"");
            JsonPath report = Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200).extract().jsonPath();
            assertThat(report.getBoolean("verified")).isFalse();
            // the chain itself is whole again; the checkpoints put the change after the first and by the second
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(first + 1).isLessThanOrEqualTo(rewritten);
            assertThat(report.getLong("firstFailedCheckpoint")).isEqualTo(second);
            assertThat(report.getString("reason")).isEqualTo("LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT");
            // the earlier checkpoint still matches: the rewrite happened after it
            assertThat(report.getList("checkpoints.findAll { it.sequence == " + first + " }.matchesLog")).containsOnly(true);
        } finally {
            for (int i = 0; i < originals.size(); i++) {
                List<Object> row = originals.get(i);
                AuditLog.asInsider("UPDATE audit_entries SET data = ?, previous_hash = ?, hash = ? WHERE sequence = ?",
                        row.get(0), row.get(1), row.get(2), rewritten + i);
            }
        }
        Api.auditor().get("/api/v1/audit/integrity").then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void anOutsiderVerifiesTheExportAndCheckpointWithTheReadmeScript() throws Exception {
        Assumptions.assumeTrue(available("python3", "--version") && available("openssl", "version"),
                "python3 and openssl are needed to run the README's verifier");
        Checkpointing.appendTwoRatings();
        String checkpoint = Api.auditor().post("/api/v1/audit/checkpoints").then().statusCode(201).extract().asString();
        Path dir = Files.createTempDirectory("audit-verify");
        Path export = dir.resolve("export.json");
        Files.writeString(export, Api.auditor().get("/api/v1/audit/export").then().statusCode(200).extract().asString());
        Files.writeString(dir.resolve("checkpoint.json"), checkpoint);
        Files.writeString(dir.resolve("key.pem"),
                Api.auditor().get("/api/v1/audit/checkpoints/public-key").then().statusCode(200).extract().asString());

        Run ok = verifier(dir);
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("chain verified").contains("matches the signed checkpoint");

        // one changed value in the exported copy: the script names its sequence
        long head = AuditLog.count("SELECT max(sequence) FROM audit_entries");
        String json = Files.readString(export);
        int at = json.lastIndexOf("\"rag\":\"RED\"");
        Files.writeString(export, json.substring(0, at) + "\"rag\":\"AMBER\"" + json.substring(at + "\"rag\":\"RED\"".length()));
        Run broken = verifier(dir);
        assertThat(broken.exit).isEqualTo(1);
        assertThat(broken.output).contains("BROKEN at sequence " + head);
    }

    private record Run(int exit, String output) {
    }

    private static Run verifier(Path dir) throws Exception {
        Process p = new ProcessBuilder("python3", Path.of("tools/verify_audit_log.py").toAbsolutePath().toString(),
                dir.resolve("export.json").toString(), dir.resolve("checkpoint.json").toString(),
                dir.resolve("key.pem").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static AuditEntry entry(long sequence) {
        List<Object> r = AuditLog.row("SELECT sequence, event_id, type, source, case_id, occurred_at, recorded_at, actor_sub,"
                + " actor_agency, data, previous_hash, hash FROM audit_entries WHERE sequence = ?", sequence);
        return new AuditEntry(sequence, (String) r.get(1), (String) r.get(2), (String) r.get(3), (String) r.get(4),
                ((java.sql.Timestamp) r.get(5)).toInstant(), ((java.sql.Timestamp) r.get(6)).toInstant(),
                (String) r.get(7), (String) r.get(8), (String) r.get(9), (String) r.get(10), (String) r.get(11));
    }
}
