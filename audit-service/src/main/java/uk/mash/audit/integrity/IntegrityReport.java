package uk.mash.audit.integrity;

import java.util.List;

/**
 * What GET /api/v1/audit/integrity answers. {@code firstBrokenSequence} names the first sequence that
 * no longer matches: where the chain breaks, or what the signed checkpoints show (see
 * {@link CheckpointSeriesCheck}); {@code reason} says which. {@code firstFailedCheckpoint} is the
 * sequence of the first checkpoint that the log, or the series, no longer bears out.
 */
public record IntegrityReport(long entries, boolean verified, String headHash, Long firstBrokenSequence, String reason,
                              long fromSequence, long toSequence, List<CheckpointCheck> checkpoints,
                              Long firstFailedCheckpoint) {

    /**
     * One signed checkpoint held against the log, or a gap in their series.
     *
     * @param status         MATCHES, DOES_NOT_MATCH, LOG_ENDS_BELOW_IT, NOT_REACHED (the chain broke before it),
     *                       SIGNATURE_DOES_NOT_VERIFY, UNREADABLE or MISSING
     * @param number         its place in the series (null before the series began, or when unreadable)
     * @param sequence       the sequence it signed (for an unreadable file, the one in its name; for a missing
     *                       checkpoint, the one its successor names, when it names it)
     * @param signatureValid signed with audit's key over exactly what it says (null when there is nothing to check)
     * @param matchesLog     the log still has the signed hash at that sequence (null when not looked at)
     * @param file           the file it was read from (null for a missing checkpoint)
     */
    public record CheckpointCheck(String status, Long number, Long sequence, String hash, String instant,
                                  Boolean signatureValid, Boolean matchesLog, String file) {
    }
}
