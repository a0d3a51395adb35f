package uk.mash.platform;

/** Something the command could not do, said in one sentence the user can act on; exit code 1. */
public final class MashException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MashException(String message) {
        super(message);
    }
}
