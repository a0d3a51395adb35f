package uk.mash.audit.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.audit.checkpoint.CheckpointFile;
import uk.mash.audit.checkpoint.Checkpoints;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ChainVerification;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.support.concurrent.Joins;

/**
 * Re-verifies the chain over the whole log or a range, and holds it against every signed checkpoint in range
 * and against their series ({@link CheckpointSeriesCheck}).
 *
 * <p>A long range is verified in {@code mash.audit.integrity.parallelism} consecutive parts at once,
 * each on its own connection and thread and anchored on the stored hash of the entry before it:
 * every entry's check needs only its own fields and its neighbour's stored hash, so the parts are
 * independent and the database and the hashing use every core. When every part verifies to its
 * end that is the answer; when any does not, the range is walked again in one piece, so a broken
 * log is reported exactly as a single walk finds it (first broken sequence, reason, entries).
 */
@ApplicationScoped
public class IntegrityCheck {

    @Inject
    AuditLogStore store;

    @Inject
    Checkpoints checkpoints;

    /** How many parts a long range is verified in at once. */
    @ConfigProperty(name = "mash.audit.integrity.parallelism")
    int parallelism;

    /** Ranges shorter than this are walked in one piece. */
    @ConfigProperty(name = "mash.audit.integrity.parallel-from")
    long parallelFrom;

    /** Rows per fetch from the database. */
    @ConfigProperty(name = "mash.audit.integrity.fetch-size")
    int fetchSize;

    /**
     * @param from first sequence (1 when null); for a range that starts later, the stored hash of the
     *             entry before it is the anchor
     * @param to   last sequence (the head when null; then checkpoints above the head count too: the log
     *             was cut back below them)
     */
    public IntegrityReport verify(Long from, Long to) {
        // the checkpoints before the head: one signed after the head was read would be above it, and look like a cut
        List<CheckpointFile> files = checkpoints.files();
        AuditLogStore.Head head = store.head();
        long first = Math.max(from == null ? 1 : from, 1);
        long last = to == null ? head.sequence() : to;

        Set<Long> checkpointed = new HashSet<>();
        for (CheckpointFile f : files) {
            if (f.readable() && f.checkpoint().sequence() >= first && f.checkpoint().sequence() <= last) {
                checkpointed.add(f.checkpoint().sequence());
            }
        }
        Walk walk = inParts(first, last, checkpointed);
        if (walk == null) {
            walk = walk(first, last, anchor(first), checkpointed);
        }
        ChainVerification chain = walk.chain;
        CheckpointSeriesCheck.Result held = CheckpointSeriesCheck.check(files, checkpoints::signedByAudit, first, to,
                head.sequence(), walk.logHashes);

        // the earlier of the chain's first break and the checkpoints' first failure; the chain's on a tie
        Long firstBroken = chain.firstBrokenSequence();
        String reason = chain.reason() == null ? null : chain.reason().name();
        if (held.first() != null && (firstBroken == null || held.first().sequence() < firstBroken)) {
            firstBroken = held.first().sequence();
            reason = held.first().reason();
        }
        return new IntegrityReport(walk.entries, firstBroken == null, chain.verified() ? chain.lastVerifiedHash() : null,
                firstBroken, reason, first, last, held.checks(), held.firstFailedCheckpoint());
    }

    /** The hash the entry before {@code first} has: genesis for the first entry, else its stored hash (null if none). */
    private String anchor(long first) {
        return first <= 1 ? CanonicalForm.GENESIS : store.hashAt(first - 1).orElse(null);
    }

    /**
     * One walk over a range, in sequence order, up to its first break; it keeps the stored hash at each
     * checkpointed sequence it reached with the chain whole.
     */
    private Walk walk(long first, long last, String anchor, Set<Long> checkpointed) {
        ChainVerification chain = new ChainVerification(first, anchor);
        Map<Long, String> logHashes = new HashMap<>();
        store.scanLinks(first, last, fetchSize, link -> {
            boolean ok = chain.accept(link.sequence(), link.previousHash(), link.hash(), link.hashOfFields());
            if (ok && checkpointed.contains(link.sequence())) {
                logHashes.put(link.sequence(), link.hash());
            }
            return ok;
        });
        chain.expectEnd(last);
        return new Walk(chain, chain.entries(), logHashes);
    }

    /** The range in parts at once, when it is long enough and every part verifies to its end; null otherwise. */
    private Walk inParts(long first, long last, Set<Long> checkpointed) {
        long length = last - first + 1;
        int parts = (int) Math.min(parallelism, Math.max(1, length / Math.max(parallelFrom, 1)));
        if (parts < 2) {
            return null;
        }
        List<CompletableFuture<Walk>> walks = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(parts - 1, r -> new Thread(r, "integrity-part"));
        try {
            for (int i = 0; i < parts; i++) {
                long start = first + length * i / parts;
                long end = first + length * (i + 1) / parts - 1;
                Supplier<Walk> part = () -> walk(start, end, anchor(start), checkpointed);
                // the last part on this thread, the others beside it
                walks.add(i < parts - 1 ? CompletableFuture.supplyAsync(part, threads)
                        : CompletableFuture.completedFuture(part.get()));
            }
            Map<Long, String> logHashes = new HashMap<>();
            long entries = 0;
            ChainVerification lastPart = null;
            for (CompletableFuture<Walk> w : walks) {
                Walk walk = Joins.join(w);
                if (!walk.chain.verified()) {
                    return null;
                }
                entries += walk.entries;
                logHashes.putAll(walk.logHashes);
                lastPart = walk.chain;
            }
            return new Walk(lastPart, entries, logHashes);
        } finally {
            threads.shutdownNow();
        }
    }

    private record Walk(ChainVerification chain, long entries, Map<Long, String> logHashes) {
    }
}
