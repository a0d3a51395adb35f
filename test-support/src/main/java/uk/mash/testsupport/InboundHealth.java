package uk.mash.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a service's {@code /q/health/ready} says of its consumers (service-support's
 * InboundReadiness, check {@code inbound-events}), awaited as an operator would watch it.
 */
public final class InboundHealth {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private InboundHealth() {
    }

    /** Until the readiness body shows {@code consumer} waiting out a failure. */
    public static void awaitWaiting(Supplier<String> readiness, String consumer) {
        await(readiness, body -> body.contains("\"inbound-events\"") && body.contains("\"" + consumer + "\"")
                && body.contains("waiting since"), "consumer " + consumer + " reported waiting");
    }

    /** Until the readiness check of the consumers is UP again (it recovers by itself). */
    public static void awaitFlowing(Supplier<String> readiness) {
        await(readiness, body -> body.contains("\"inbound-events\"") && !body.contains("waiting since")
                && body.replaceAll("\\s", "").startsWith("{\"status\":\"UP\""), "ready again, every consumer flowing");
    }

    private static void await(Supplier<String> readiness, java.util.function.Predicate<String> condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                last = readiness.get();
                if (condition.test(last)) {
                    return;
                }
            } catch (RuntimeException notAnswering) {
                last = notAnswering.toString();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not " + what + " within " + WAIT + "; readiness said: " + last);
    }
}
