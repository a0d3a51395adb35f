package uk.mash.audit.integrity;

import java.util.List;

/**
 * What GET /api/v1/audit/integrity answers. {@code firstBrokenSequence} names the first entry where
 * the chain breaks; a log rewritten and re-hashed consistently keeps its chain whole but no longer
 * matches a signed checkpoint, named in {@code firstFailedCheckpoint}.
 */
public record IntegrityReport(long entries, boolean verified, String headHash, Long firstBrokenSequence, String reason,
                              long fromSequence, long toSequence, List<CheckpointCheck> checkpoints,
                              Long firstFailedCheckpoint) {

    /** One signed checkpoint held against the log: signed by audit's key, and the log still has its hash there. */
    public record CheckpointCheck(long sequence, String hash, String instant, boolean signatureValid,
                                  Boolean matchesLog) {
    }
}
