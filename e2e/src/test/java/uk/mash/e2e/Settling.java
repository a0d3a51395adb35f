package uk.mash.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for the stack to settle after a fault, saying every half-minute what it still waits for. */
final class Settling {

    private static final Duration PAUSE = Duration.ofSeconds(1);

    private Settling() {
    }

    /**
     * Waits until {@code done}, checking the watch for anything it refuses (a duplicate, say) meanwhile.
     *
     * @return false when the deadline passed first: the assertions that follow say what is missing
     */
    static boolean until(String test, TopicWatch watch, String what, Instant deadline, BooleanSupplier done) {
        Instant start = Instant.now();
        Instant nextNote = start.plusSeconds(30);
        while (!done.getAsBoolean()) {
            watch.check();
            if (Instant.now().isAfter(deadline)) {
                System.out.printf("%s: %s: still not settled after %d s; the assertions below say what is missing%n",
                        test, what, Duration.between(start, Instant.now()).toSeconds());
                return false;
            }
            if (Instant.now().isAfter(nextNote)) {
                System.out.printf("%s: waiting for %s (%d s)%n", test, what, Duration.between(start, Instant.now()).toSeconds());
                nextNote = nextNote.plusSeconds(30);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        System.out.printf("%s: %s after %.1f s%n", test, what, Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return true;
    }
}
