package uk.mash.audit.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import uk.mash.audit.store.AuditLogStore;

/**
 * Signed checkpoints of the log's head, in a numbered series, each naming the sequence of the one
 * before it: a removed checkpoint leaves a gap that the integrity check names. Each is written to
 * the checkpoint directory and published to {@code mash.audit-checkpoints}.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    @Inject
    AuditLogStore store;

    @Inject
    CheckpointKey key;

    @Inject
    CheckpointFiles files;

    @Inject
    CheckpointPublication publication;

    @Inject
    Clock clock;

    /** The last checkpoint this instance signed: the series goes on from it even if its file was removed. */
    private Checkpoint lastSigned;

    /** Signs the current head as the next checkpoint of the series, writes it, and has it published. */
    public synchronized Checkpoint create() {
        Checkpoint signed = files.underLock(() -> {
            AuditLogStore.Head head = store.head();
            Optional<Checkpoint> before = lastOfSeries();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Checkpoint checkpoint = key.sign(new Checkpoint(head.sequence(), head.hash(), now, CheckpointKey.ALGORITHM,
                    key.id(), null, before.map(c -> c.number() + 1).orElse(1L),
                    before.map(Checkpoint::sequence).orElse(null)));
            files.write(checkpoint);
            return checkpoint;
        });
        lastSigned = signed;
        LOG.infof("Checkpoint %d at sequence %d", signed.number(), signed.sequence());
        publication.wakeUp();
        return signed;
    }

    /** A checkpoint only when the head moved since the latest one (or there is none yet). */
    public Optional<Checkpoint> createIfHeadMoved() {
        AuditLogStore.Head head = store.head();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().sequence() == head.sequence() && latest.get().hash().equals(head.hash())) {
            return Optional.empty();
        }
        return Optional.of(create());
    }

    /** The newest checkpoint signed with audit's key. */
    public Optional<Checkpoint> latest() {
        return signedCheckpoints().max(Comparator.comparingLong(Checkpoint::sequence).thenComparing(Checkpoint::instant));
    }

    /** Every checkpoint file, readable or not, for the integrity check to account for. */
    public List<CheckpointFile> files() {
        return files.list();
    }

    /** Whether the checkpoint was signed with audit's key over exactly what it says. */
    public boolean signedByAudit(Checkpoint checkpoint) {
        return key.signed(checkpoint);
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    /**
     * The checkpoint with the highest number, in the directory or signed here: the next one continues
     * the series from it, so removing the newest file leaves a gap once the next is signed.
     */
    private Optional<Checkpoint> lastOfSeries() {
        return Stream.concat(signedCheckpoints(), Stream.ofNullable(lastSigned)).filter(c -> c.number() != null)
                .max(Comparator.comparingLong(Checkpoint::number));
    }

    private Stream<Checkpoint> signedCheckpoints() {
        return files.list().stream().filter(CheckpointFile::readable).map(CheckpointFile::checkpoint).filter(key::signed);
    }
}
