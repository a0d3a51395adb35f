package uk.mash.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import uk.mash.contracts.Outcome;

/**
 * Records a decision (EARLY_HELP, routes left to screening) on each of the given cases at a fixed
 * rate, asynchronously with a bounded number in flight, noting when each 200 arrived: the start of
 * the decision → queue latency.
 */
final class BenchDecisions {

    /** The body of every decision: its routes are left to screening (EARLY_HELP: the children's queue). */
    record DecisionBody(Outcome outcome, String rationale) {
    }

    static final DecisionBody BODY = new DecisionBody(Outcome.EARLY_HELP, "Bench decision after screening.");

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** caseId → nanoTime the decision's 200 arrived. */
    private final Map<String, Long> decidedAt = new ConcurrentHashMap<>();
    private volatile String firstError;

    private final HttpClient http;
    private final String screening;
    private final String token;
    private final int maxInFlight;

    BenchDecisions(HttpClient http, String screening, String token, int maxInFlight) {
        this.http = http;
        this.screening = screening;
        this.token = token;
        this.maxInFlight = maxInFlight;
    }

    DecisionsResult run(List<String> caseIds, double rate, int seconds) throws InterruptedException, IOException {
        byte[] body = ServiceJson.MAPPER.writeValueAsBytes(BODY);
        Semaphore slots = new Semaphore(maxInFlight);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        BenchPacer pacer = new BenchPacer(start, rate);
        for (int i = 0; i < caseIds.size(); i++) {
            long wait = pacer.waitNanos(i, System.nanoTime());
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() >= end || !slots.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            String caseId = caseIds.get(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(screening + "/api/v1/cases/" + caseId + "/decision"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            sent.incrementAndGet();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                try {
                    if (error == null && response.statusCode() == 200) {
                        decidedAt.put(caseId, now);
                        recorded.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        if (firstError == null) {
                            firstError = error != null ? error.toString() : response.statusCode() + ": " + response.body();
                        }
                    }
                } finally {
                    slots.release();
                }
            });
        }
        if (!slots.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("decisions still unanswered a minute after the last was sent");
        }
        return new DecisionsResult(sent.get(), recorded.get(), failed.get(), Map.copyOf(decidedAt), firstError);
    }
}
