package uk.mash.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.mash.audit.checkpoint.Checkpoint;
import uk.mash.audit.checkpoint.CheckpointFile;
import uk.mash.audit.integrity.CheckpointSeriesCheck.Failure;
import uk.mash.audit.integrity.CheckpointSeriesCheck.Result;
import uk.mash.audit.integrity.IntegrityReport.CheckpointCheck;

/** What the series of signed checkpoints says about a log whose chain is whole: given a directory, when held against the log. */
class CheckpointSeriesCheckTest {

    private static final String FORGED = "forged";

    /** The log: sequences 1..head, each with its own hash. */
    private long head = 10;
    private final Map<Long, String> log = new HashMap<>();
    private final List<CheckpointFile> files = new ArrayList<>();

    CheckpointSeriesCheckTest() {
        for (long s = 1; s <= 20; s++) {
            log.put(s, hash(s));
        }
    }

    private static String hash(long sequence) {
        return String.format("%064x", sequence);
    }

    private void checkpoint(Long number, long sequence, Long previous) {
        checkpoint(number, sequence, previous, hash(sequence), "signature");
    }

    private void checkpoint(Long number, long sequence, Long previous, String hash, String signature) {
        Checkpoint c = new Checkpoint(sequence, hash, Instant.parse("2026-11-21T15:00:00Z").plusSeconds(sequence),
                "Ed25519", "5f1c9a7e3b2d8046", signature, number, previous);
        files.add(new CheckpointFile(name(sequence), sequence, c));
    }

    private static String name(long sequence) {
        return String.format("checkpoint-%020d-%d.json", sequence, 1_795_000_000_000L + sequence);
    }

    private Result held(long first, Long to) {
        Map<Long, String> reached = new HashMap<>();
        log.forEach((s, h) -> {
            if (s >= first && s <= head && (to == null || s <= to)) {
                reached.put(s, h);
            }
        });
        return CheckpointSeriesCheck.check(files, c -> !FORGED.equals(c.signature()), first, to, head, reached);
    }

    private Result held() {
        return held(1, null);
    }

    @Test
    void aWholeSeriesThatMatchesTheLogFindsNothing() {
        checkpoint(1L, 3, null);
        checkpoint(2L, 6, 3L);
        checkpoint(3L, 10, 6L);

        Result result = held();

        assertThat(result.first()).isNull();
        assertThat(result.firstFailedCheckpoint()).isNull();
        assertThat(result.checks()).extracting(CheckpointCheck::status).containsExactly("MATCHES", "MATCHES", "MATCHES");
    }

    @Test
    void aLogCutBackBelowACheckpointIsNamedAtTheFirstEntryItLacks() {
        checkpoint(1L, 3, null);
        checkpoint(2L, 10, 3L);
        head = 7;

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(8, "LOG_ENDS_BELOW_SIGNED_CHECKPOINT"));
        assertThat(result.firstFailedCheckpoint()).isEqualTo(10);
        assertThat(result.checks()).extracting(CheckpointCheck::status).containsExactly("MATCHES", "LOG_ENDS_BELOW_IT");
    }

    @Test
    void aRangeThatStopsBelowACheckpointDoesNotHoldItAgainstTheLog() {
        checkpoint(1L, 10, null);
        head = 7;

        assertThat(held(1, 5L).first()).isNull();
        assertThat(held(1, 5L).checks()).isEmpty();
    }

    @Test
    void aLogThatNoLongerHasTheSignedHashIsNamedAfterTheLastCheckpointThatStillMatches() {
        checkpoint(1L, 3, null);
        checkpoint(2L, 6, 3L);
        checkpoint(3L, 9, 6L);
        log.put(9L, hash(99)); // cut back to 6 and appended again: entry 9 is not the one signed

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(7, "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT"));
        assertThat(result.firstFailedCheckpoint()).isEqualTo(9);
    }

    @Test
    void withNoCheckpointStillMatchingBelowItTheWholeLogUpToItIsNamed() {
        checkpoint(1L, 6, null);
        log.put(6L, hash(66));

        assertThat(held().first()).isEqualTo(new Failure(1, "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT"));
        assertThat(held(4, null).first()).isEqualTo(new Failure(4, "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT"));
    }

    @Test
    void aCheckpointMissingFromTheSeriesIsNamedByTheSequenceItsSuccessorGives() {
        checkpoint(1L, 3, null);
        checkpoint(3L, 9, 6L);

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(6, "CHECKPOINT_MISSING"));
        assertThat(result.firstFailedCheckpoint()).isEqualTo(6);
        assertThat(result.checks()).extracting(CheckpointCheck::status, CheckpointCheck::number, CheckpointCheck::sequence)
                .containsExactly(tuple("MATCHES", 1L, 3L),
                        tuple("MISSING", 2L, 6L),
                        tuple("MATCHES", 3L, 9L));
    }

    @Test
    void theFirstCheckpointMissingIsNoticed() {
        checkpoint(2L, 7, 4L);

        assertThat(held().first()).isEqualTo(new Failure(4, "CHECKPOINT_MISSING"));
    }

    @Test
    void severalMissingInARowAreNamedFromTheEntryAfterTheCheckpointBeforeThem() {
        checkpoint(1L, 3, null);
        checkpoint(4L, 10, 8L);

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(4, "CHECKPOINT_MISSING"));
        assertThat(result.checks()).filteredOn(c -> c.status().equals("MISSING"))
                .extracting(CheckpointCheck::number).containsExactly(2L, 3L);
    }

    @Test
    void aGarbledFileIsNamedBySequenceInItsNameAndTheGapItLeavesIsNotReportedAgain() {
        checkpoint(1L, 3, null);
        files.add(new CheckpointFile(name(6), 6, null));
        checkpoint(3L, 9, 6L);

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(6, "CHECKPOINT_UNREADABLE"));
        assertThat(result.checks()).extracting(CheckpointCheck::status).containsExactly("MATCHES", "UNREADABLE", "MATCHES");
        assertThat(result.checks().get(1).file()).isEqualTo(name(6));
    }

    @Test
    void aCheckpointWhoseSignatureDoesNotVerifyIsNamedAndNotTrusted() {
        checkpoint(1L, 3, null);
        checkpoint(2L, 6, 3L, hash(6), FORGED);

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(6, "CHECKPOINT_SIGNATURE_DOES_NOT_VERIFY"));
        assertThat(result.checks()).extracting(CheckpointCheck::status).containsExactly("MATCHES", "SIGNATURE_DOES_NOT_VERIFY");
    }

    @Test
    void checkpointsFromBeforeTheSeriesAreHeldAgainstTheLogAndLeaveNoGap() {
        checkpoint(null, 2, null);
        checkpoint(null, 4, null);
        checkpoint(1L, 8, null);
        checkpoint(2L, 10, 8L);

        assertThat(held().first()).isNull();

        log.put(4L, hash(44));
        assertThat(held().first()).isEqualTo(new Failure(3, "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT"));
    }

    @Test
    void theEarliestFindingIsTheOneNamed() {
        checkpoint(1L, 2, null);
        checkpoint(3L, 8, 5L); // number 2, at 5, is gone
        head = 6;                // and the log was cut back below number 3

        Result result = held();

        assertThat(result.first()).isEqualTo(new Failure(5, "CHECKPOINT_MISSING"));
        assertThat(result.firstFailedCheckpoint()).isEqualTo(5);
    }
}
