package uk.mash.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * HTTP as a well-behaved client system calls it through outages: the same request is sent again
 * after a refused or broken connection, a timeout, or a 5xx (and 429), with a growing pause (a
 * quarter of a second, doubling to 2 s, jittered), until it gets another answer or its time is up.
 * Asynchronous, so that hundreds of requests can wait out an outage at once.
 */
final class RetryingClient implements AutoCloseable {

    /** The last answer (status 0 when the last attempt got no answer at all), and how many attempts it took. */
    record Outcome(int status, String body, int attempts, String lastError) {
        boolean answered() {
            return status > 0;
        }

        @Override
        public String toString() {
            String text = body == null ? lastError : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " after " + attempts + " attempt(s): " + text;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fault-test-retry-timer");
        t.setDaemon(true);
        return t;
    });

    /**
     * Sends the request (made afresh for each attempt, the same each time) until it is answered
     * with something other than a 5xx or 429, or {@code giveUpAt} passes.
     */
    CompletableFuture<Outcome> send(Supplier<HttpRequest.Builder> request, Instant giveUpAt) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        attempt(request, giveUpAt, 1, result);
        return result;
    }

    /** After {@code delay}, on the client's timer. */
    CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> later = new CompletableFuture<>();
        timer.schedule(() -> later.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
        return later;
    }

    private void attempt(Supplier<HttpRequest.Builder> request, Instant giveUpAt, int attempt,
                         CompletableFuture<Outcome> result) {
        HttpRequest r;
        try {
            r = request.get().timeout(REQUEST_TIMEOUT).build();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            Outcome outcome = error != null
                    ? new Outcome(0, null, attempt, describe(error))
                    : new Outcome(response.statusCode(), response.body(), attempt, null);
            boolean again = outcome.answered() ? outcome.status() >= 500 || outcome.status() == 429
                    : !outcome.lastError().startsWith("unexpected");
            if (!again || Instant.now().isAfter(giveUpAt)) {
                result.complete(outcome);
                return;
            }
            long pause = Math.min(2000, 250L << Math.min(attempt - 1, 3));
            pause += ThreadLocalRandom.current().nextLong(pause / 2 + 1);
            timer.schedule(() -> attempt(request, giveUpAt, attempt + 1, result), pause, TimeUnit.MILLISECONDS);
        });
    }

    private static String describe(Throwable error) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (!(e instanceof IOException)) {
            return "unexpected " + e;
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
