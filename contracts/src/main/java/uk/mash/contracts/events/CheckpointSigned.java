package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code mash.audit.checkpoint-signed.v1} on {@code mash.audit-checkpoints} (key {@code audit}): audit signed
 * the head of its log, so a copy of the signature lives outside audit's database and host.
 *
 * <p>The signature (Base64, Ed25519, the key named by {@code keyId}) is over the UTF-8 bytes of
 * {@code {"hash":H,"instant":I,"number":K,"previousSequence":P,"sequence":N}} with {@code I} exactly as
 * sent here; a checkpoint made before checkpoints were numbered ({@code number} null) signs
 * {@code {"hash":H,"instant":I,"sequence":N}}.
 *
 * @param sequence         the log's head when it was signed
 * @param hash             the hash of the entry at that sequence
 * @param number           the checkpoint's place in the series (1, 2, 3, ...): a gap is a checkpoint removed
 * @param previousSequence the sequence checkpoint {@code number - 1} signed (null for the first)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointSigned(long sequence, String hash, Instant instant, String signature, String keyId,
                               String algorithm, Long number, Long previousSequence) {
}
