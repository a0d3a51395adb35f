package uk.mash.audit.checkpoint;

/**
 * One {@code checkpoint-<sequence>-<epochMillis>.json} in the checkpoint directory: the checkpoint it
 * holds, or null when it cannot be read as one (garbled, cut short). The sequence in its name is
 * not signed; it only says where an unreadable file stood.
 */
public record CheckpointFile(String name, long sequenceInName, Checkpoint checkpoint) {

    public boolean readable() {
        return checkpoint != null;
    }
}
