package uk.mash.audit.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The checkpoint directory ({@code mash.audit.checkpoint-dir}), outside the database: a database
 * superuser who rewrites the log cannot rewrite these too. Each checkpoint is one
 * {@code checkpoint-<sequence>-<epochMillis>.json}; once it is in audit's outbox (and so bound for
 * {@code mash.audit-checkpoints}), an empty {@code <that name>.published} beside it says so, so a
 * checkpoint written while the database was away, or just before a restart, is still published.
 */
@ApplicationScoped
public class CheckpointFiles {

    private static final Logger LOG = Logger.getLogger(CheckpointFiles.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)-(\\d+)\\.json");
    private static final String PUBLISHED = ".published";
    private static final String LOCK = "checkpoint.lock";

    @ConfigProperty(name = "mash.audit.checkpoint-dir")
    Path dir;

    @Inject
    ObjectMapper mapper;

    /** Writes the checkpoint whole or not at all (a reader never sees half a file). */
    void write(Checkpoint checkpoint) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("checkpoint-%020d-%d.json", checkpoint.sequence(),
                    checkpoint.instant().toEpochMilli()));
            Path temp = Files.createTempFile(dir, "checkpoint", ".tmp");
            Files.write(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every checkpoint file, readable or not, in the order of the sequence in its name, then of its name. */
    public List<CheckpointFile> list() {
        return names().stream().map(this::file).toList();
    }

    /** The checkpoint files not yet marked published; the others are not even read. */
    List<CheckpointFile> unpublished() {
        return names().stream().filter(name -> !Files.exists(dir.resolve(name + PUBLISHED))).map(this::file).toList();
    }

    private List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> NAME.matcher(name).matches())
                    .sorted(Comparator.comparingLong(CheckpointFiles::sequenceIn).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CheckpointFile file(String name) {
        return new CheckpointFile(name, sequenceIn(name), read(dir.resolve(name)));
    }

    private static long sequenceIn(String name) {
        Matcher m = NAME.matcher(name);
        try {
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a name no checkpoint of ours has: still listed, as unreadable or unsigned
        }
    }

    void markPublished(CheckpointFile file) {
        try {
            Files.createFile(dir.resolve(file.name() + PUBLISHED));
        } catch (FileAlreadyExistsException e) {
            // another instance sharing the directory handed it over too (same ce_id, kept once): nothing more to say
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the action holding the directory's lock, so instances sharing the directory never give
     * two checkpoints of the series one number, nor make two signing keys.
     */
    <T> T underLock(Supplier<T> action) {
        try {
            // the first start: the schedule may tick before anything else made the directory
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Checkpoint read(Path file) {
        try {
            Checkpoint c = mapper.readValue(file.toFile(), Checkpoint.class);
            if (c.hash() == null || c.instant() == null || c.signature() == null) {
                LOG.warnf("Checkpoint file %s lacks its hash, instant or signature", file.getFileName());
                return null;
            }
            return c;
        } catch (IOException e) {
            LOG.warnf("Checkpoint file %s cannot be read (%s)", file.getFileName(), e.getClass().getName());
            return null;
        }
    }
}
