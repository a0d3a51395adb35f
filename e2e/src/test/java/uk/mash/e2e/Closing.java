package uk.mash.e2e;

/** Stops what a test class started, in the order given, skipping what never started. */
final class Closing {

    private Closing() {
    }

    /** Closes each one that is there: the watch and client before the stack they talk to. */
    static void all(AutoCloseable... started) throws Exception {
        for (AutoCloseable part : started) {
            if (part != null) {
                part.close();
            }
        }
    }
}
