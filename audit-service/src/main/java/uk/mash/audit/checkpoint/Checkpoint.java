package uk.mash.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The head of the log at an instant, signed with audit's own key, and its place in the series of
 * checkpoints. What is signed is {@link #signedText()}:
 * {@code {"hash":H,"instant":I,"number":K,"previousSequence":P,"sequence":N}} in UTF-8, no whitespace,
 * so the number and the link to the checkpoint before cannot be changed to hide a removed one.
 * Checkpoints made before they were numbered ({@code number} null) keep what they signed then,
 * {@code {"hash":H,"instant":I,"sequence":N}}, and stay verifiable.
 *
 * @param keyId            the first 16 hex digits of SHA-256 over the public key (X.509 DER), to name the key
 * @param signature        Base64 of the Ed25519 signature
 * @param number           1 for the first checkpoint of the series, then 2, 3, ...; null before the series began
 * @param previousSequence the sequence checkpoint {@code number - 1} signed; null for the first
 */
public record Checkpoint(long sequence, String hash, Instant instant, String algorithm, String keyId,
                         String signature, Long number, Long previousSequence) {

    public String signedText() {
        String instantText = DateTimeFormatter.ISO_INSTANT.format(instant);
        if (number == null) {
            return "{\"hash\":\"" + hash + "\",\"instant\":\"" + instantText + "\",\"sequence\":" + sequence + "}";
        }
        return "{\"hash\":\"" + hash + "\",\"instant\":\"" + instantText + "\",\"number\":" + number
                + ",\"previousSequence\":" + previousSequence + ",\"sequence\":" + sequence + "}";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The CloudEvents {@code ce_id} of its publication: derived from what was signed, so every
     * re-send (after an outage, after a restart, from another instance) carries the same id.
     */
    public String eventId() {
        return UUID.nameUUIDFromBytes((keyId + " " + signedText()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    Checkpoint signed(String signatureBase64) {
        return new Checkpoint(sequence, hash, instant, algorithm, keyId, signatureBase64, number, previousSequence);
    }
}
