package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An insider cuts the log short, or a checkpoint goes missing or is spoilt: the log's own chain is
 * whole, and the signed checkpoints and their series still name where it no longer matches. The
 * insider uses the database superuser (triggers off) and the audit host's file system. Each test
 * puts the log and the checkpoint directory back afterwards.
 */
@QuarkusTest
class CheckpointSeriesIT {

    private static final String ENTRY_COLUMNS = "sequence, event_id, type, source, case_id, occurred_at, recorded_at,"
            + " actor_sub, actor_agency, data, previous_hash, hash";

    @Test
    void aLogCutBackBelowASignedCheckpointIsNamedAtItsFirstMissingEntry() {
        Checkpointing.appendTwoRatings();
        long signed = Checkpointing.make().getLong("sequence");
        List<List<Object>> tail = cutBackTo(signed - 2);
        try {
            assertThat(AuditLog.count("SELECT max(sequence) FROM audit_entries")).isEqualTo(signed - 2);
            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isFalse();
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(signed - 1);
            assertThat(report.getString("reason")).isEqualTo("LOG_ENDS_BELOW_SIGNED_CHECKPOINT");
            assertThat(report.getLong("firstFailedCheckpoint")).isEqualTo(signed);
        } finally {
            putBack(signed - 2, tail);
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    @Test
    void aLogCutBackAndAppendedToAgainIsNamedAfterTheLastCheckpointThatStillMatches() {
        Checkpointing.appendTwoRatings();
        long kept = Checkpointing.make().getLong("sequence");
        Checkpointing.appendTwoRatings();
        long signed = Checkpointing.make().getLong("sequence");
        List<List<Object>> tail = cutBackTo(kept);
        try {
            long reappended = Checkpointing.appendTwoRatings(); // new events take the sequences of the removed ones
            assertThat(reappended).isEqualTo(kept + 1);
            assertThat(AuditLog.count("SELECT max(sequence) FROM audit_entries")).isGreaterThanOrEqualTo(signed);

            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isFalse();
            assertThat(report.getString("headHash")).isNotNull(); // the chain itself is whole
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(kept + 1);
            assertThat(report.getString("reason")).isEqualTo("LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT");
            assertThat(report.getLong("firstFailedCheckpoint")).isEqualTo(signed);
            assertThat(report.getList("checkpoints.findAll { it.sequence == " + signed + " }.status"))
                    .containsOnly("DOES_NOT_MATCH");
        } finally {
            AuditLog.asInsider("DELETE FROM audit_entries WHERE sequence > ?", kept);
            putBack(kept, tail);
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    @Test
    void aCheckpointMissingFromTheSeriesIsNamedByTheSequenceItSigned() throws Exception {
        Checkpointing.appendTwoRatings();
        Checkpointing.make();
        Checkpointing.appendTwoRatings();
        JsonPath removed = Checkpointing.make();
        Checkpointing.appendTwoRatings();
        Checkpointing.make();
        Path file = Checkpointing.fileOf(removed);
        Path aside = Files.createTempFile("removed-checkpoint", ".json");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isFalse();
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(removed.getLong("sequence"));
            assertThat(report.getString("reason")).isEqualTo("CHECKPOINT_MISSING");
            assertThat(report.getList("checkpoints.findAll { it.status == 'MISSING' }.number", Long.class))
                    .containsExactly(removed.getLong("number"));
        } finally {
            Files.move(aside, file);
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    @Test
    void theNewestCheckpointRemovedIsNamedOnceTheNextIsSigned() throws Exception {
        Checkpointing.appendTwoRatings();
        JsonPath removed = Checkpointing.make();
        Path file = Checkpointing.fileOf(removed);
        Path aside = Files.createTempFile("removed-checkpoint", ".json");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            Checkpointing.appendTwoRatings();
            JsonPath next = Checkpointing.make();
            assertThat(next.getLong("number")).isEqualTo(removed.getLong("number") + 1);
            assertThat(next.getLong("previousSequence")).isEqualTo(removed.getLong("sequence"));

            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isFalse();
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(removed.getLong("sequence"));
            assertThat(report.getString("reason")).isEqualTo("CHECKPOINT_MISSING");
        } finally {
            Files.move(aside, file);
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    @Test
    void aGarbledCheckpointFileIsNamed() throws Exception {
        Checkpointing.appendTwoRatings();
        JsonPath spoilt = Checkpointing.make();
        Path file = Checkpointing.fileOf(spoilt);
        byte[] original = Files.readAllBytes(file);
        Files.write(file, new String(original, StandardCharsets.UTF_8).substring(0, original.length / 2)
                .getBytes(StandardCharsets.UTF_8));
        try {
            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isFalse();
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(spoilt.getLong("sequence"));
            assertThat(report.getString("reason")).isEqualTo("CHECKPOINT_UNREADABLE");
            assertThat(report.getList("checkpoints.findAll { it.status == 'UNREADABLE' }.file"))
                    .containsExactly(file.getFileName().toString());
        } finally {
            Files.write(file, original);
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    @Test
    void aCheckpointEditedInItsFileNoLongerVerifiesAndIsNamed() throws Exception {
        Checkpointing.appendTwoRatings();
        JsonPath edited = Checkpointing.make();
        Path file = Checkpointing.fileOf(edited);
        String original = Files.readString(file);
        // the insider makes the checkpoint agree with a log it is about to rewrite: the signature no longer does
        String hash = edited.getString("hash");
        Files.writeString(file, original.replace(hash, (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1)));
        try {
            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isFalse();
            assertThat(report.getLong("firstBrokenSequence")).isEqualTo(edited.getLong("sequence"));
            assertThat(report.getString("reason")).isEqualTo("CHECKPOINT_SIGNATURE_DOES_NOT_VERIFY");
        } finally {
            Files.writeString(file, original);
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    @Test
    void aCheckpointWrittenBeforeCheckpointsWereNumberedStillCountsAndLeavesNoGap() throws Exception {
        Checkpointing.appendTwoRatings();
        long head = AuditLog.count("SELECT max(sequence) FROM audit_entries");
        // the file an earlier version wrote: no number, no link, and the signature over {"hash","instant","sequence"}
        String hash = AuditLog.text("hash", head);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String signedText = "{\"hash\":\"" + hash + "\",\"instant\":\"" + at + "\",\"sequence\":" + head + "}";
        Path file = Checkpointing.dir().resolve(String.format("checkpoint-%020d-%d.json", head, at.toEpochMilli()));
        Files.writeString(file, "{\"sequence\":" + head + ",\"hash\":\"" + hash + "\",\"instant\":\"" + at
                + "\",\"algorithm\":\"Ed25519\",\"keyId\":\"" + auditsKeyId() + "\",\"signature\":\""
                + signWithAuditsKey(signedText) + "\"}");
        try {
            JsonPath report = Checkpointing.integrity();
            assertThat(report.getBoolean("verified")).isTrue();
            assertThat(report.getList("checkpoints.findAll { it.file == '" + file.getFileName() + "' }.status"))
                    .containsExactly("MATCHES");

            List<List<Object>> tail = cutBackTo(head - 1);
            try {
                JsonPath cut = Checkpointing.integrity();
                assertThat(cut.getLong("firstBrokenSequence")).isEqualTo(head);
                assertThat(cut.getString("reason")).isEqualTo("LOG_ENDS_BELOW_SIGNED_CHECKPOINT");
            } finally {
                putBack(head - 1, tail);
            }
        } finally {
            Files.delete(file);
            Files.deleteIfExists(Path.of(file + ".published")); // it was published too, like any signed checkpoint
        }
        assertThat(Checkpointing.integrity().getBoolean("verified")).isTrue();
    }

    private static String auditsKeyId() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der("checkpoint-key.pub.pem")))
                .substring(0, 16);
    }

    private static byte[] der(String pemFile) throws Exception {
        String pem = Files.readString(Checkpointing.dir().resolve(pemFile));
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    /** Signs as audit does, with the private key in the checkpoint directory (someone on the audit host could). */
    private static String signWithAuditsKey(String text) throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der("checkpoint-key.pem")));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** As the insider: removes every entry after {@code sequence}, and returns them as they were. */
    private static List<List<Object>> cutBackTo(long sequence) {
        long head = AuditLog.count("SELECT max(sequence) FROM audit_entries");
        List<List<Object>> removed = new ArrayList<>();
        for (long s = sequence + 1; s <= head; s++) {
            removed.add(AuditLog.row("SELECT " + ENTRY_COLUMNS + " FROM audit_entries WHERE sequence = ?", s));
        }
        AuditLog.asInsider("DELETE FROM audit_entries WHERE sequence > ?", sequence);
        return removed;
    }

    private static void putBack(long after, List<List<Object>> entries) {
        AuditLog.asInsider("DELETE FROM audit_entries WHERE sequence > ?", after);
        for (List<Object> entry : entries) {
            AuditLog.asInsider("INSERT INTO audit_entries (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entry.toArray());
        }
    }
}
