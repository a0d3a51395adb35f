package uk.mash.audit.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.audit.checkpoint.Checkpoint;
import uk.mash.audit.checkpoint.Checkpoints;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ChainVerification;
import uk.mash.audit.store.AuditLogStore;

/**
 * Re-verifies the chain over the whole log or a range, and holds it against every signed checkpoint in range.
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
     * @param to   last sequence (the head when null)
     */
    public IntegrityReport verify(Long from, Long to) {
        AuditLogStore.Head head = store.head();
        long first = Math.max(from == null ? 1 : from, 1);
        long last = to == null ? head.sequence() : to;

        Map<Long, List<Checkpoint>> bySequence = new HashMap<>();
        for (Checkpoint c : checkpoints.all()) {
            if (c.sequence() >= first && c.sequence() <= last) {
                bySequence.computeIfAbsent(c.sequence(), s -> new ArrayList<>()).add(c);
            }
        }
        Walk walk = inParts(first, last, bySequence);
        if (walk == null) {
            walk = walk(first, last, anchor(first), bySequence);
        }
        ChainVerification chain = walk.chain;
        Map<Checkpoint, Boolean> matches = walk.matches;

        List<IntegrityReport.CheckpointCheck> checks = new ArrayList<>();
        Long firstFailed = null;
        for (List<Checkpoint> list : bySequence.values().stream()
                .sorted((a, b) -> Long.compare(a.get(0).sequence(), b.get(0).sequence())).toList()) {
            for (Checkpoint c : list) {
                boolean signed = checkpoints.signatureValid(c);
                Boolean matched = matches.get(c);
                checks.add(new IntegrityReport.CheckpointCheck(c.sequence(), c.hash(), c.instant().toString(), signed,
                        matched));
                // a checkpoint the chain did not reach (broken before it) is not held against it
                boolean failed = !signed || Boolean.FALSE.equals(matched)
                        || (matched == null && chain.verified());
                if (failed && firstFailed == null) {
                    firstFailed = c.sequence();
                }
            }
        }
        boolean verified = chain.verified() && firstFailed == null;
        return new IntegrityReport(walk.entries, verified, chain.verified() ? chain.lastVerifiedHash() : null,
                chain.firstBrokenSequence(), chain.reason() == null ? (firstFailed == null ? null
                : "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT") : chain.reason().name(), first, last, checks, firstFailed);
    }

    /** The hash the entry before {@code first} has: genesis for the first entry, else its stored hash (null if none). */
    private String anchor(long first) {
        return first <= 1 ? CanonicalForm.GENESIS : store.hashAt(first - 1).orElse(null);
    }

    /** One walk over a range, in sequence order, up to its first break. */
    private Walk walk(long first, long last, String anchor, Map<Long, List<Checkpoint>> bySequence) {
        ChainVerification chain = new ChainVerification(first, anchor);
        Map<Checkpoint, Boolean> matches = new HashMap<>();
        store.scanLinks(first, last, fetchSize, link -> {
            boolean ok = chain.accept(link.sequence(), link.previousHash(), link.hash(), link.hashOfFields());
            for (Checkpoint c : bySequence.getOrDefault(link.sequence(), List.of())) {
                matches.put(c, c.hash().equals(link.hash()));
            }
            return ok;
        });
        chain.expectEnd(last);
        return new Walk(chain, chain.entries(), matches);
    }

    /** The range in parts at once, when it is long enough and every part verifies to its end; null otherwise. */
    private Walk inParts(long first, long last, Map<Long, List<Checkpoint>> bySequence) {
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
                Supplier<Walk> part = () -> walk(start, end, anchor(start), bySequence);
                // the last part on this thread, the others beside it
                walks.add(i < parts - 1 ? CompletableFuture.supplyAsync(part, threads)
                        : CompletableFuture.completedFuture(part.get()));
            }
            Map<Checkpoint, Boolean> matches = new HashMap<>();
            long entries = 0;
            ChainVerification lastPart = null;
            for (CompletableFuture<Walk> w : walks) {
                Walk walk = w.join();
                if (!walk.chain.verified()) {
                    return null;
                }
                entries += walk.entries;
                matches.putAll(walk.matches);
                lastPart = walk.chain;
            }
            return new Walk(lastPart, entries, matches);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            threads.shutdownNow();
        }
    }

    private record Walk(ChainVerification chain, long entries, Map<Checkpoint, Boolean> matches) {
    }
}
