package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What audit's log holds, read as an auditor reads it ({@code GET /api/v1/audit/export}) in
 * pieces from where the last read ended: how often each {@code eventId} is in the log.
 */
final class AuditCopy {

    private static final int PIECE = 2000;

    private final String url;
    private final java.util.function.Supplier<String> token;
    private final Map<String, Integer> counts = new HashMap<>();
    /** When each event was first appended ({@code recordedAt}). */
    private final Map<String, java.time.Instant> recorded = new HashMap<>();
    private long next = 1;
    private long entries;
    private String lastProblem;

    AuditCopy(String auditUrl, java.util.function.Supplier<String> auditorToken) {
        this.url = auditUrl + "/api/v1/audit/export";
        this.token = auditorToken;
    }

    /** Reads the entries appended since the last call; false when audit could not be read. */
    synchronized boolean catchUp() {
        while (true) {
            Api.Answer answer;
            try {
                answer = Api.get(url + "?fromSequence=" + next + "&toSequence=" + (next + PIECE - 1), token.get());
            } catch (RuntimeException unreachable) {
                lastProblem = unreachable.getMessage();
                return false;
            }
            if (answer.status() != 200 || answer.body() == null || !answer.body().isArray()) {
                lastProblem = answer.status() + " " + (answer.text() == null ? "" : answer.text().substring(0,
                        Math.min(200, answer.text().length())));
                return false;
            }
            for (JsonNode entry : answer.body()) {
                counts.merge(entry.path("eventId").asText(), 1, Integer::sum);
                if (entry.hasNonNull("recordedAt")) {
                    recorded.putIfAbsent(entry.path("eventId").asText(),
                            java.time.OffsetDateTime.parse(entry.path("recordedAt").asText()).toInstant());
                }
                next = Math.max(next, entry.path("sequence").asLong() + 1);
                entries++;
            }
            if (answer.body().size() < PIECE) {
                return true;
            }
        }
    }

    synchronized int count(String eventId) {
        return counts.getOrDefault(eventId, 0);
    }

    /** When audit appended the event (its first entry), or null when its log does not hold it. */
    synchronized java.time.Instant recordedAt(String eventId) {
        return recorded.get(eventId);
    }

    synchronized long entries() {
        return entries;
    }

    synchronized Map<String, Integer> duplicated() {
        Map<String, Integer> twice = new HashMap<>();
        counts.forEach((id, n) -> {
            if (n > 1) {
                twice.put(id, n);
            }
        });
        return twice;
    }

    synchronized String lastProblem() {
        return lastProblem;
    }
}
