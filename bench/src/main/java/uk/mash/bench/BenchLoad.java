package uk.mash.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts reports to intake at a fixed rate (or as fast as allowed) for a while, asynchronously with
 * at most {@code maxInFlight} requests outstanding. A request that would exceed that bound waits,
 * so at a rate the machine cannot sustain the offered rate falls: {@link #sent} says what was offered.
 * Its counters are live while it runs (for the progress line); {@link #run} returns what it did.
 */
final class BenchLoad {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong lastAcceptedNanos = new AtomicLong();
    final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    /** reportId → nanoTime its 202 arrived. */
    final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    volatile String firstError;
    volatile long firstSendNanos;

    private final HttpClient http;
    private final String url;
    private final String token;
    private final BenchReports reports;
    private final int maxInFlight;
    private final long indexOffset;

    BenchLoad(HttpClient http, String intake, String token, BenchReports reports, int maxInFlight, long indexOffset) {
        this.http = http;
        this.url = intake + "/api/v1/reports";
        this.token = token;
        this.reports = reports;
        this.maxInFlight = maxInFlight;
        this.indexOffset = indexOffset;
    }

    long inFlight() {
        return sent.get() - accepted.get() - failed.get();
    }

    /** Sends until {@code seconds} have passed, then waits (up to a minute) for the answers. */
    LoadResult run(double rate, int seconds) throws InterruptedException {
        Semaphore slots = new Semaphore(maxInFlight);
        long start = System.nanoTime();
        firstSendNanos = start;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        BenchPacer pacer = new BenchPacer(start, rate);
        for (long i = 0; ; i++) {
            long wait = pacer.waitNanos(i, System.nanoTime());
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() >= end) {
                break;
            }
            if (!slots.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(reports.body(indexOffset + i))).build();
            sent.incrementAndGet();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                try {
                    if (error != null) {
                        failed.incrementAndGet();
                        if (firstError == null) {
                            firstError = error.toString();
                        }
                        return;
                    }
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() == 202) {
                        String id = ServiceJson.MAPPER.readTree(response.body()).path("reportId").asText();
                        acceptedAt.put(id, now);
                        accepted.incrementAndGet();
                        lastAcceptedNanos.accumulateAndGet(now, Math::max);
                    } else {
                        failed.incrementAndGet();
                        if (firstError == null) {
                            firstError = response.statusCode() + ": " + response.body();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                } finally {
                    slots.release();
                }
            });
        }
        // the answers still outstanding
        if (!slots.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(inFlight() + " requests to intake had no answer a minute after the load ended");
        }
        return new LoadResult(sent.get(), accepted.get(), failed.get(), new TreeMap<>(statuses), Map.copyOf(acceptedAt),
                firstSendNanos, lastAcceptedNanos.get(), seconds, firstError);
    }
}
