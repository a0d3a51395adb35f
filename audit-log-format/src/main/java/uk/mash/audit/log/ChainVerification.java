package uk.mash.audit.log;

/**
 * Walks the log in sequence order and finds the first entry where the chain breaks: a sequence
 * missing (a deleted or moved row), a previous hash that does not link to the entry before, or a
 * hash that is not the hash of the entry's own fields (a changed field, a changed hash).
 */
public final class ChainVerification {

    public enum Break { MISSING_ENTRY, PREVIOUS_HASH_DOES_NOT_LINK, HASH_DOES_NOT_MATCH_ENTRY }

    private long expectedSequence;
    private String previousHash;
    private long entries;
    private Long firstBrokenSequence;
    private Break reason;

    /**
     * @param fromSequence the first sequence to check
     * @param anchorHash   the hash the entry before it has (the genesis value for sequence 1)
     */
    public ChainVerification(long fromSequence, String anchorHash) {
        this.expectedSequence = fromSequence;
        this.previousHash = anchorHash;
    }

    /** Checks the next entry; false once the chain is broken (later entries are not checked). */
    public boolean accept(AuditEntry entry) {
        return accept(entry.sequence(), entry.previousHash(), entry.hash(), CanonicalForm.expectedHash(entry));
    }

    /**
     * Checks the next entry from its stored sequence, previous hash and hash, and the hash its fields
     * give ({@link CanonicalForm#hash}); false once the chain is broken.
     */
    public boolean accept(long sequence, String storedPreviousHash, String storedHash, String hashOfFields) {
        if (firstBrokenSequence != null) {
            return false;
        }
        entries++;
        if (sequence != expectedSequence) {
            return broken(expectedSequence, Break.MISSING_ENTRY);
        }
        if (previousHash == null || !previousHash.equals(storedPreviousHash)) {
            return broken(sequence, Break.PREVIOUS_HASH_DOES_NOT_LINK);
        }
        if (!hashOfFields.equals(storedHash)) {
            return broken(sequence, Break.HASH_DOES_NOT_MATCH_ENTRY);
        }
        previousHash = storedHash;
        expectedSequence++;
        return true;
    }

    /** An entry that should be there at the end of the range but is not. */
    public void expectEnd(long toSequence) {
        if (firstBrokenSequence == null && expectedSequence <= toSequence) {
            broken(expectedSequence, Break.MISSING_ENTRY);
        }
    }

    private boolean broken(long sequence, Break why) {
        firstBrokenSequence = sequence;
        reason = why;
        return false;
    }

    public long entries() {
        return entries;
    }

    public boolean verified() {
        return firstBrokenSequence == null;
    }

    public Long firstBrokenSequence() {
        return firstBrokenSequence;
    }

    public Break reason() {
        return reason;
    }

    /** The hash of the last entry that verified. */
    public String lastVerifiedHash() {
        return previousHash;
    }
}
