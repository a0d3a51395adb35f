package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A MASH screener deciding every case as it appears on {@code mash.case-events}, a second or so
 * after it opened, through the outages: a mix of outcomes going to the children, adults and
 * police queues (and some to none), never an outcome a RED case may not have. A decision whose
 * answer was lost is sent again; when the retry is refused as a second decision (422), the case
 * is read to see whether the first attempt recorded it. A decision answered 202 (recorded, the case
 * view not yet showing the case) is confirmed the same way, by reading the case.
 */
final class Screener {

    /** What the screener asked for on one case, and what came of it. */
    record Decision(String caseId, String outcome, String rationale, String decisionId, int attempts, boolean confirmed) {
    }

    private static final List<String> FOR_CHILDREN = List.of("CHILD_PROTECTION_STRATEGY", "EARLY_HELP",
            "CARE_AND_SUPPORT_ASSESSMENT", "POLICE_INVESTIGATION", "NO_FURTHER_ACTION");
    private static final List<String> FOR_ADULTS = List.of("ADULT_SAFEGUARDING_ENQUIRY", "ADULT_SAFEGUARDING_ENQUIRY+POLICE",
            "CARE_AND_SUPPORT_ASSESSMENT", "INFORMATION_AND_ADVICE");

    private final RetryingClient client;
    /** Where each attempt goes: screening, or one of its replicas in turn ({@link Replicas}). */
    private final Supplier<String> screeningUrl;
    private final Supplier<String> token;
    private final AtomicInteger cases = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger lagged = new AtomicInteger();
    private final AtomicInteger concurrentChanges = new AtomicInteger();
    private final Map<String, Decision> decided = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    Screener(RetryingClient client, String screeningUrl, Supplier<String> token) {
        this(client, () -> screeningUrl, token);
    }

    /** Each attempt (a decision, a read confirming one) sent to the screening {@code screeningUrl} gives then. */
    Screener(RetryingClient client, Supplier<String> screeningUrl, Supplier<String> token) {
        this.client = client;
        this.screeningUrl = screeningUrl;
        this.token = token;
    }

    /** Listens to {@link TopicWatch}: each case opened is decided shortly after. */
    void onEvent(TopicWatch.Event e) {
        if (!"mash.case.opened.v1".equals(e.type()) || e.caseId() == null || !seen.add(e.caseId())) {
            return;
        }
        int n = cases.getAndIncrement();
        boolean probe = e.subjectFamilyNames().contains(ReportLoad.PROBE_FAMILY);
        boolean child = e.subjectRoles().contains("CHILD");
        List<String> choices = child ? FOR_CHILDREN : FOR_ADULTS;
        String choice = probe ? "CHILD_PROTECTION_STRATEGY" : choices.get(n % choices.size());
        if ("RED".equals(e.rag()) && (choice.equals("NO_FURTHER_ACTION") || choice.equals("INFORMATION_AND_ADVICE"))) {
            choice = child ? "CHILD_PROTECTION_STRATEGY" : "ADULT_SAFEGUARDING_ENQUIRY";
        }
        inFlight.incrementAndGet();
        String outcome = choice;
        client.after(Duration.ofMillis(probe ? 200 : 500 + (n % 4) * 500L))
                .thenCompose(ignored -> decide(e.caseId(), outcome))
                .whenComplete((d, error) -> {
                    if (error != null) {
                        refused.add(e.caseId() + ": " + error);
                    } else if (d != null) {
                        decided.put(d.caseId(), d);
                    }
                    inFlight.decrementAndGet();
                });
    }

    private CompletableFuture<Decision> decide(String caseId, String choice) {
        return decide(caseId, choice, 1);
    }

    /**
     * Sends the decision; tried again (up to five times, half a second apart) when screening
     * answers 409 concurrent-change, as its answer asks: with several replicas, a report linked to
     * the case on another replica at the same moment takes the case's next event first.
     */
    private CompletableFuture<Decision> decide(String caseId, String choice, int turn) {
        Map<String, Object> body = new LinkedHashMap<>();
        String outcome = choice.replace("+POLICE", "");
        body.put("outcome", outcome);
        body.put("rationale", "Fault test: " + outcome + " for case " + caseId + ".");
        if (choice.endsWith("+POLICE")) {
            body.put("routes", List.of("ADULTS", "POLICE"));
        }
        String json;
        try {
            json = Api.JSON.writeValueAsString(body);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        String rationale = (String) body.get("rationale");
        String bearer = token.get();
        return client.send(() -> HttpRequest.newBuilder(URI.create(screeningUrl.get() + "/api/v1/cases/" + caseId + "/decision"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(json)),
                Instant.now().plus(Duration.ofMinutes(10))).thenCompose(answer -> {
                    if (answer.attempts() > 1) {
                        retried.incrementAndGet();
                    }
                    if (answer.status() == 200) {
                        String decisionId = decisionOf(answer.body(), rationale);
                        if (decisionId != null) {
                            return CompletableFuture.completedFuture(
                                    new Decision(caseId, outcome, rationale, decisionId, answer.attempts(), false));
                        }
                        refused.add(caseId + " " + outcome + ": answered with another decision: " + answer);
                        return CompletableFuture.completedFuture(null);
                    }
                    if (answer.status() == 202) {
                        // recorded, but the case view had not caught up within screening's wait (after an
                        // outage it can be far behind): the answer says where to read the case, as a client would
                        return confirm(caseId, outcome, rationale, answer, bearer, 1);
                    }
                    if (answer.status() == 409 && answer.body() != null
                            && answer.body().contains("urn:mash:problem:concurrent-change") && turn < 5) {
                        concurrentChanges.incrementAndGet();
                        return client.after(Duration.ofMillis(500)).thenCompose(x -> decide(caseId, choice, turn + 1));
                    }
                    if (answer.status() == 422 && answer.attempts() > 1) {
                        // an earlier attempt may have recorded it, its answer lost: read the case
                        return confirm(caseId, outcome, rationale, answer, bearer, 1);
                    }
                    refused.add(caseId + " " + outcome + ": " + answer);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private CompletableFuture<Decision> confirm(String caseId, String outcome, String rationale,
                                                RetryingClient.Outcome answered, String bearer, int read) {
        return client.send(() -> HttpRequest.newBuilder(URI.create(screeningUrl.get() + "/api/v1/cases/" + caseId))
                        .header("Accept", "application/json").header("Authorization", "Bearer " + bearer).GET(),
                Instant.now().plus(Duration.ofMinutes(5))).thenCompose(view -> {
                    String decisionId = view.status() == 200 ? decisionOf(view.body(), rationale) : null;
                    boolean lagging = "".equals(decisionId) || view.status() == 404;
                    if (lagging && read < 60) {
                        // the case view is built after the aggregate: under a heavy load it can miss
                        // the decision, or the case itself (404), for a while
                        lagged.incrementAndGet();
                        return client.after(Duration.ofSeconds(2))
                                .thenCompose(x -> confirm(caseId, outcome, rationale, answered, bearer, read + 1));
                    }
                    if (decisionId == null || decisionId.isEmpty()) {
                        refused.add(caseId + " " + outcome + ": " + answered + "; the case then read " + view);
                        return CompletableFuture.completedFuture(null);
                    }
                    return CompletableFuture.completedFuture(
                            new Decision(caseId, outcome, rationale, decisionId, answered.attempts(), true));
                });
    }

    /** The decisionId of the case's decision when it is the one with this rationale, else null. */
    private static String decisionOf(String caseJson, String rationale) {
        try {
            JsonNode decision = Api.JSON.readTree(caseJson).path("decision");
            if (rationale.equals(decision.path("rationale").asText())) {
                return decision.path("decisionId").asText(null);
            }
            // the answer may show the case before its view caught up (screening waits up to 10 s)
            return decision.isMissingNode() || decision.isNull() ? "" : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Cases seen opened. */
    int cases() {
        return seen.size();
    }

    /** Decisions still being sent. */
    int inFlight() {
        return inFlight.get();
    }

    int retried() {
        return retried.get();
    }

    /** Decisions answered 409 concurrent-change (someone else changed the case at the same moment) and sent again. */
    int concurrentChanges() {
        return concurrentChanges.get();
    }

    /** Reads of a case, to confirm a decision, that found the case view behind (no decision yet, or 404). */
    int viewBehind() {
        return lagged.get();
    }

    /** The decisions recorded, by caseId (decisionId "" when the answer did not show it yet). */
    Map<String, Decision> decided() {
        return Map.copyOf(decided);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }
}
