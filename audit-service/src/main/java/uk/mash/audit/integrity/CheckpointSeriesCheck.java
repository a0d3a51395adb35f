package uk.mash.audit.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import uk.mash.audit.checkpoint.Checkpoint;
import uk.mash.audit.checkpoint.CheckpointFile;
import uk.mash.audit.integrity.IntegrityReport.CheckpointCheck;

/**
 * Holds the log against every checkpoint file and against the series they form. A chain that is
 * whole proves only that the log agrees with itself; a database superuser can cut its tail, or cut
 * it and let new entries be appended, and leave it whole. The checkpoints, signed outside the
 * database, say what the log was. Each finding names the first sequence that no longer matches:
 * <ul>
 *   <li>a file that cannot be read as a checkpoint: the sequence in its name ({@code CHECKPOINT_UNREADABLE});
 *   <li>a checkpoint whose signature does not verify: its sequence ({@code CHECKPOINT_SIGNATURE_DOES_NOT_VERIFY});
 *   <li>a log that ends below a checkpoint: the first entry it lacks ({@code LOG_ENDS_BELOW_SIGNED_CHECKPOINT});
 *   <li>a log whose hash at a checkpoint's sequence differs: the first entry after the last checkpoint that
 *       still matches, since the change lies between the two ({@code LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT});
 *   <li>a number missing from the series: the sequence the missing checkpoint signed, which the next one names
 *       (when several in a row are missing, the first entry after the checkpoint before them)
 *       ({@code CHECKPOINT_MISSING}). A gap left by a file already reported unreadable is not reported twice.
 * </ul>
 * Removing the newest checkpoints leaves no gap here: that is what the copy on
 * {@code mash.audit-checkpoints} is for. Pure: what the log holds comes from the walk of the chain.
 */
final class CheckpointSeriesCheck {

    /** The first sequence that no longer matches, and why. */
    record Failure(long sequence, String reason) {
    }

    record Result(List<CheckpointCheck> checks, Failure first, Long firstFailedCheckpoint) {
    }

    private record Row(long order, CheckpointCheck check) {
    }

    private final long first;
    private final Long to;
    private final long head;
    private final List<Row> rows = new ArrayList<>();
    private Failure firstFailure;
    private Long firstFailedCheckpoint;

    private CheckpointSeriesCheck(long first, Long to, long head) {
        this.first = first;
        this.to = to;
        this.head = head;
    }

    /**
     * @param files     every checkpoint file, readable or not
     * @param signed    whether a checkpoint was signed with audit's key over what it says
     * @param first     the first sequence verified
     * @param to        the last sequence asked for; null for the whole log, when checkpoints above the head count
     * @param head      the sequence of the log's last entry
     * @param logHashes the log's stored hash at each checkpoint's sequence that the walk reached with the chain whole
     */
    static Result check(List<CheckpointFile> files, Predicate<Checkpoint> signed, long first, Long to, long head,
                        Map<Long, String> logHashes) {
        CheckpointSeriesCheck check = new CheckpointSeriesCheck(first, to, head);
        List<CheckpointFile> trusted = new ArrayList<>();
        List<Long> untrusted = new ArrayList<>();
        for (CheckpointFile file : files) {
            if (!file.readable()) {
                untrusted.add(file.sequenceInName());
                check.unreadable(file);
            } else if (!signed.test(file.checkpoint())) {
                untrusted.add(file.sequenceInName());
                check.notSigned(file);
            } else {
                trusted.add(file);
            }
        }
        check.againstTheLog(trusted, logHashes);
        check.gaps(trusted, untrusted);
        List<CheckpointCheck> checks = check.rows.stream().sorted(Comparator.comparingLong(Row::order))
                .map(Row::check).toList();
        return new Result(checks, check.firstFailure, check.firstFailedCheckpoint);
    }

    private void unreadable(CheckpointFile file) {
        long at = file.sequenceInName();
        if (inRange(at)) {
            rows.add(new Row(at, new CheckpointCheck("UNREADABLE", null, at, null, null, null, null, file.name())));
            failed(at, "CHECKPOINT_UNREADABLE", at);
        }
    }

    private void notSigned(CheckpointFile file) {
        Checkpoint c = file.checkpoint();
        if (inRange(c.sequence())) {
            rows.add(new Row(c.sequence(), check("SIGNATURE_DOES_NOT_VERIFY", c, false, null, file.name())));
            failed(c.sequence(), "CHECKPOINT_SIGNATURE_DOES_NOT_VERIFY", c.sequence());
        }
    }

    private void againstTheLog(List<CheckpointFile> trusted, Map<Long, String> logHashes) {
        TreeSet<Long> matching = new TreeSet<>();
        for (CheckpointFile f : trusted) {
            if (f.checkpoint().hash().equals(logHashes.get(f.checkpoint().sequence()))) {
                matching.add(f.checkpoint().sequence());
            }
        }
        for (CheckpointFile f : trusted) {
            Checkpoint c = f.checkpoint();
            if (!inRange(c.sequence())) {
                continue;
            }
            String file = f.name();
            String logHash = logHashes.get(c.sequence());
            if (c.sequence() > head) {
                rows.add(new Row(c.sequence(), check("LOG_ENDS_BELOW_IT", c, true, false, file)));
                failed(head + 1, "LOG_ENDS_BELOW_SIGNED_CHECKPOINT", c.sequence());
            } else if (logHash == null) {
                rows.add(new Row(c.sequence(), check("NOT_REACHED", c, true, null, file)));
            } else if (logHash.equals(c.hash())) {
                rows.add(new Row(c.sequence(), check("MATCHES", c, true, true, file)));
            } else {
                rows.add(new Row(c.sequence(), check("DOES_NOT_MATCH", c, true, false, file)));
                Long stillMatching = matching.lower(c.sequence());
                failed(Math.max(first, stillMatching == null ? 1 : stillMatching + 1),
                        "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT", c.sequence());
            }
        }
    }

    private void gaps(List<CheckpointFile> trusted, List<Long> untrusted) {
        List<Checkpoint> series = trusted.stream().map(CheckpointFile::checkpoint).filter(c -> c.number() != null)
                .sorted(Comparator.comparingLong(Checkpoint::number)).toList();
        long expected = 1;
        Long before = null; // the sequence of checkpoint expected - 1
        for (Checkpoint c : series) {
            if (c.number() < expected) {
                continue; // the same number twice: both are held against the log above
            }
            long missing = c.number() - expected;
            if (missing > 0) {
                Long named = c.previousSequence();
                long low = before == null ? 0 : before;
                long high = named != null ? named : c.sequence();
                long explained = untrusted.stream().filter(s -> s >= low && s <= high).count();
                if (explained < missing) {
                    long at = Math.max(1, missing == 1 && named != null ? named : Math.min(low + 1, high));
                    if (inRange(at)) {
                        for (long n = expected; n < c.number(); n++) {
                            Long sequence = n == c.number() - 1 ? named : null;
                            rows.add(new Row(sequence == null ? at : sequence,
                                    new CheckpointCheck("MISSING", n, sequence, null, null, null, null, null)));
                        }
                        failed(at, "CHECKPOINT_MISSING", named);
                    }
                }
            }
            before = c.sequence();
            expected = c.number() + 1;
        }
    }

    private boolean inRange(long sequence) {
        return sequence >= first && (to == null || sequence <= to);
    }

    private void failed(long sequence, String reason, Long checkpointSequence) {
        if (firstFailure == null || sequence < firstFailure.sequence()) {
            firstFailure = new Failure(sequence, reason);
        }
        if (checkpointSequence != null && (firstFailedCheckpoint == null || checkpointSequence < firstFailedCheckpoint)) {
            firstFailedCheckpoint = checkpointSequence;
        }
    }

    private static CheckpointCheck check(String status, Checkpoint c, boolean signed, Boolean matchesLog, String file) {
        return new CheckpointCheck(status, c.number(), c.sequence(), c.hash(), c.instant().toString(), signed, matchesLog,
                file);
    }
}
