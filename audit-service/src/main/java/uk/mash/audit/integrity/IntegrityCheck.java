package uk.mash.audit.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.mash.audit.checkpoint.Checkpoint;
import uk.mash.audit.checkpoint.Checkpoints;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ChainVerification;
import uk.mash.audit.store.AuditLogStore;

/** Re-verifies the chain over the whole log or a range, and holds it against every signed checkpoint in range. */
@ApplicationScoped
public class IntegrityCheck {

    @Inject
    AuditLogStore store;

    @Inject
    Checkpoints checkpoints;

    /**
     * @param from first sequence (1 when null); for a range that starts later, the stored hash of the
     *             entry before it is the anchor
     * @param to   last sequence (the head when null)
     */
    public IntegrityReport verify(Long from, Long to) {
        AuditLogStore.Head head = store.head();
        long first = from == null ? 1 : from;
        long last = to == null ? head.sequence() : to;
        String anchor = first <= 1 ? CanonicalForm.GENESIS : store.hashAt(first - 1).orElse(null);
        ChainVerification chain = new ChainVerification(Math.max(first, 1), anchor);

        Map<Long, List<Checkpoint>> bySequence = new HashMap<>();
        for (Checkpoint c : checkpoints.all()) {
            if (c.sequence() >= first && c.sequence() <= last) {
                bySequence.computeIfAbsent(c.sequence(), s -> new ArrayList<>()).add(c);
            }
        }
        Map<Checkpoint, Boolean> matches = new HashMap<>();
        store.scan(first, last, entry -> {
            boolean ok = chain.accept(entry);
            for (Checkpoint c : bySequence.getOrDefault(entry.sequence(), List.of())) {
                matches.put(c, c.hash().equals(entry.hash()));
            }
            return ok;
        });
        chain.expectEnd(last);

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
        return new IntegrityReport(chain.entries(), verified, chain.verified() ? chain.lastVerifiedHash() : null,
                chain.firstBrokenSequence(), chain.reason() == null ? (firstFailed == null ? null
                : "LOG_DOES_NOT_MATCH_SIGNED_CHECKPOINT") : chain.reason().name(), first, last, checks, firstFailed);
    }
}
