package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TestInfrastructure;
import uk.mash.testsupport.TopicReader;

/**
 * Every signed checkpoint is also on mash.audit-checkpoints, where someone who does not trust the audit
 * host can keep it and check it with the published key; one signed while Kafka is away gets there when it
 * returns; one sent again carries the same ce_id.
 */
@QuarkusTest
class CheckpointPublicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSignedCheckpointIsPublishedAndVerifiesWithThePublishedKey() throws Exception {
        Checkpointing.appendTwoRatings();
        JsonPath made = Checkpointing.make();

        try (TopicReader topic = new TopicReader(Topics.AUDIT_CHECKPOINTS)) {
            TopicReader.Received record = topic.await(of(made), Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo("audit");
            assertThat(record.header("ce_type")).isEqualTo(EventTypes.CHECKPOINT_SIGNED);
            assertThat(record.header("ce_specversion")).isEqualTo("1.0");
            assertThat(record.header("ce_source")).isEqualTo("urn:mash:audit-service");
            assertThat(record.header("ce_id")).isNotBlank();

            JsonNode data = JSON.readTree(record.value());
            assertThat(data.path("sequence").asLong()).isEqualTo(made.getLong("sequence"));
            assertThat(data.path("hash").asText()).isEqualTo(made.getString("hash"));
            assertThat(data.path("instant").asText()).isEqualTo(made.getString("instant"));
            assertThat(data.path("number").asLong()).isEqualTo(made.getLong("number"));
            assertThat(data.path("algorithm").asText()).isEqualTo("Ed25519");

            PublicKey key = publishedKey();
            assertThat(data.path("keyId").asText()).isEqualTo(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16));
            assertThat(verifies(key, data)).as("the signature verifies with the published key").isTrue();
            ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("sequence", data.path("sequence").asLong() - 1);
            assertThat(verifies(key, data)).as("and binds the sequence").isFalse();
        }
        // audit does not read its own checkpoints back into the log (each would move the head again)
        AuditLog.awaitQuiet();
        assertThat(AuditLog.count("SELECT count(*) FROM audit_entries WHERE type = ?", EventTypes.CHECKPOINT_SIGNED)).isZero();
    }

    @Test
    void aCheckpointSignedWhileKafkaIsAwayIsPublishedWhenItReturns() throws Exception {
        Checkpointing.appendTwoRatings();
        JsonPath made;
        TestInfrastructure.pauseBroker();
        try {
            made = Checkpointing.make(); // signed and written at once, Kafka or not
            assertThat(Files.exists(Checkpointing.fileOf(made))).isTrue();
            // longer than the producer's delivery timeout: the first attempt has failed, only a retry can succeed
            Thread.sleep(12_000);
        } finally {
            TestInfrastructure.resumeBroker();
        }
        try (TopicReader topic = new TopicReader(Topics.AUDIT_CHECKPOINTS)) {
            TopicReader.Received record = topic.await(of(made), Duration.ofSeconds(90));
            assertThat(verifies(publishedKey(), JSON.readTree(record.value()))).isTrue();
        }
    }

    @Test
    void aCheckpointHandedOverOrSentAgainCarriesTheSameCloudEventId() throws Exception {
        JsonPath made = Checkpointing.make();
        try (TopicReader topic = new TopicReader(Topics.AUDIT_CHECKPOINTS)) {
            String id = topic.await(of(made), Duration.ofSeconds(30)).header("ce_id");
            // what a crash between writing the file and marking it handed over leaves: handed over again, kept once
            Path mark = Path.of(Checkpointing.fileOf(made) + ".published");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(mark));
            Files.delete(mark);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(mark));
            assertThat(AuditLog.count("SELECT count(*) FROM outbox WHERE event_id = ?::uuid", id)).isEqualTo(1);

            // what a crash between the broker's acknowledgement and the outbox's mark leaves: sent again
            AuditLog.asSuperuser("UPDATE outbox SET published_at = NULL WHERE event_id = '" + id + "'");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.all(of(made), Duration.ofMillis(500)).size() >= 2);

            List<TopicReader.Received> copies = topic.all(of(made), Duration.ofSeconds(2));
            assertThat(copies).extracting(r -> r.header("ce_id")).containsOnly(id);
        }
    }

    /** The record of that checkpoint: its signature is unique to it. */
    private static Predicate<TopicReader.Received> of(JsonPath checkpoint) {
        return r -> r.value() != null && r.value().contains(checkpoint.getString("signature"));
    }

    private static PublicKey publishedKey() throws Exception {
        String pem = Api.auditor().get("/api/v1/audit/checkpoints/public-key").then().statusCode(200).extract().asString();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
    }

    /** What a receiver does with a record (README "Signed checkpoints"): rebuilds the signed text from its fields. */
    private static boolean verifies(PublicKey key, JsonNode data) throws Exception {
        String signed = "{\"hash\":\"" + data.path("hash").asText() + "\",\"instant\":\"" + data.path("instant").asText()
                + "\",\"number\":" + data.path("number").asLong() + ",\"previousSequence\":" + data.path("previousSequence")
                + ",\"sequence\":" + data.path("sequence").asLong() + "}";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(data.path("signature").asText()));
    }
}
