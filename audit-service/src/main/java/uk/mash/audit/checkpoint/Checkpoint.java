package uk.mash.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The head of the log at an instant, signed with audit's own key. What is signed is
 * {@link #signedText()}: {@code {"hash":H,"instant":I,"sequence":N}} in UTF-8, no whitespace.
 *
 * @param keyId     the first 16 hex digits of SHA-256 over the public key (X.509 DER), to name the key
 * @param signature Base64 of the Ed25519 signature
 */
public record Checkpoint(long sequence, String hash, Instant instant, String algorithm, String keyId,
                         String signature) {

    public String signedText() {
        return signedText(sequence, hash, instant);
    }

    static String signedText(long sequence, String hash, Instant instant) {
        return "{\"hash\":\"" + hash + "\",\"instant\":\"" + DateTimeFormatter.ISO_INSTANT.format(instant)
                + "\",\"sequence\":" + sequence + "}";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }
}
