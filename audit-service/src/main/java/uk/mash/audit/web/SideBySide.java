package uk.mash.audit.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work a resource runs beside its own on the managed executor. */
final class SideBySide {

    private SideBySide() {
    }

    /** The work's result once done; what it threw, as it threw it (a StoreException stays one, to be mapped as such). */
    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
