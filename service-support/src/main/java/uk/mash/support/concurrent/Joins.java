package uk.mash.support.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work run beside the caller's own, as if the caller had run it itself. */
public final class Joins {

    private Joins() {
    }

    /**
     * The work's result once done; what it threw, as it threw it (a StoreException stays one, to be mapped or
     * retried as such), rather than wrapped in a CompletionException.
     */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
