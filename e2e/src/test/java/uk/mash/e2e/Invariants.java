package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What must hold of a load of reports once everything has settled, read from the topics
 * ({@link TopicWatch}), audit's log ({@link AuditCopy}) and the APIs: every accepted report in
 * exactly one case, each case decided once and before any report joins it, every decision routed
 * exactly once per route, every event in audit's log exactly once. Each check answers with what is
 * wrong (empty when all is well), so a test can print it and assert on it. Shared by the fault
 * test and the replicas test.
 */
final class Invariants {

    static final Map<String, String> QUEUE_OF_ROUTE = Map.of("CHILDREN", "mash.queue.children",
            "ADULTS", "mash.queue.adults", "POLICE", "mash.queue.police");

    private final TopicWatch watch;
    private final ReportLoad load;

    Invariants(TopicWatch watch, ReportLoad load) {
        this.watch = watch;
        this.load = load;
    }

    static boolean isCaseOf(TopicWatch.Event e) {
        return "mash.case.opened.v1".equals(e.type()) || "mash.case.report-linked.v1".equals(e.type());
    }

    List<TopicWatch.Event> ofType(String type) {
        return watch.events().stream().filter(e -> type.equals(e.type())).toList();
    }

    Set<String> opened() {
        return ofType("mash.case.opened.v1").stream().map(TopicWatch.Event::caseId).collect(Collectors.toSet());
    }

    /** Accepted reports without exactly one case event (opened or linked) naming them: reportId -> caseIds. */
    Map<String, List<String>> unscreened() {
        return unscreened(load.accepted());
    }

    /** As {@link #unscreened()}, for these reports. */
    Map<String, List<String>> unscreened(Collection<String> reportIds) {
        Map<String, List<String>> cases = new HashMap<>();
        watch.events().stream().filter(Invariants::isCaseOf)
                .forEach(e -> cases.computeIfAbsent(e.reportId(), k -> new ArrayList<>()).add(e.caseId()));
        Map<String, List<String>> wrong = new TreeMap<>();
        for (String reportId : reportIds) {
            List<String> of = cases.getOrDefault(reportId, List.of());
            if (of.size() != 1) {
                wrong.put(reportId, of);
            }
        }
        return wrong;
    }

    /** Reports linked to a case whose decision came before the link on mash.case-events: reportId -> caseId. */
    Map<String, String> linkedAfterDecision() {
        Map<String, Long> firstDecision = new HashMap<>();
        for (TopicWatch.Event d : ofType("mash.case.decision-recorded.v1")) {
            firstDecision.merge(d.caseId(), d.order(), Math::min);
        }
        Map<String, String> wrong = new TreeMap<>();
        for (TopicWatch.Event linked : ofType("mash.case.report-linked.v1")) {
            Long decided = firstDecision.get(linked.caseId());
            if (decided != null && decided < linked.order()) {
                wrong.put(linked.reportId(), linked.caseId());
            }
        }
        return wrong;
    }

    /**
     * Cases the screener decided whose decision events on mash.case-events are not exactly the
     * one it recorded: caseId -> decisionIds.
     */
    Map<String, List<String>> notOneDecision(Map<String, Screener.Decision> decided) {
        Map<String, List<String>> decisionsOfCase = new HashMap<>();
        ofType("mash.case.decision-recorded.v1").forEach(d ->
                decisionsOfCase.computeIfAbsent(d.caseId(), k -> new ArrayList<>()).add(d.decisionId()));
        Map<String, List<String>> wrong = new TreeMap<>();
        decided.forEach((caseId, d) -> {
            List<String> ids = decisionsOfCase.getOrDefault(caseId, List.of());
            if (ids.size() != 1 || (!d.decisionId().isEmpty() && !ids.contains(d.decisionId()))) {
                wrong.put(caseId, ids);
            }
        });
        return wrong;
    }

    /**
     * Decisions whose referrals on the queue topics are not exactly one per route (by referralId,
     * copies with one ce_id counted once) and none elsewhere: decisionId -> "queue: n".
     */
    Map<String, String> unrouted() {
        Map<String, Map<String, Set<String>>> byDecision = new HashMap<>();
        for (TopicWatch.Event e : ofType("mash.referral.routed.v1")) {
            byDecision.computeIfAbsent(e.decisionId(), k -> new HashMap<>())
                    .computeIfAbsent(e.topic(), k -> new HashSet<>()).add(e.referralId());
        }
        Map<String, String> wrong = new TreeMap<>();
        for (TopicWatch.Event d : ofType("mash.case.decision-recorded.v1")) {
            Map<String, Set<String>> routed = byDecision.getOrDefault(d.decisionId(), Map.of());
            for (Map.Entry<String, String> q : QUEUE_OF_ROUTE.entrySet()) {
                int expected = d.routes().contains(q.getKey()) ? 1 : 0;
                int found = routed.getOrDefault(q.getValue(), Set.of()).size();
                if (found != expected) {
                    wrong.merge(d.decisionId(), q.getValue() + ": " + found + " (expected " + expected + ")",
                            (a, b) -> a + ", " + b);
                }
            }
        }
        return wrong;
    }

    /** Events read on the topics audit consumes that its log does not hold exactly once: eventId -> times. */
    Map<String, Integer> unaudited(AuditCopy audit) {
        Map<String, Integer> wrong = new TreeMap<>();
        for (TopicWatch.Event e : watch.events()) {
            int n = audit.count(e.id());
            if (n != 1) {
                wrong.put(e.id() + " (" + e.type() + ")", n);
            }
        }
        return wrong;
    }

    /**
     * Every case screening has (those opened on the topic), read one by one, 16 at a time, each
     * read from {@code screeningUrl} as it then answers: reportId -> caseIds holding it.
     */
    Map<String, List<String>> screeningCasesOfReports(RetryingClient client, Supplier<String> screeningUrl,
                                                      Supplier<String> token) throws Exception {
        Map<String, List<String>> casesOf = new HashMap<>();
        List<String> cases = new ArrayList<>(opened());
        for (int from = 0; from < cases.size(); from += 16) {
            List<CompletableFuture<RetryingClient.Outcome>> reads = new ArrayList<>();
            List<String> batch = cases.subList(from, Math.min(cases.size(), from + 16));
            for (String caseId : batch) {
                reads.add(client.send(() -> HttpRequest.newBuilder(URI.create(screeningUrl.get()
                                + "/api/v1/cases/" + caseId)).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token.get()).GET(), Instant.now().plus(Duration.ofMinutes(2))));
            }
            for (int i = 0; i < batch.size(); i++) {
                RetryingClient.Outcome read = reads.get(i).get(3, TimeUnit.MINUTES);
                if (read.status() != 200) {
                    casesOf.computeIfAbsent("(case " + batch.get(i) + " unreadable: " + read + ")",
                            k -> new ArrayList<>()).add(batch.get(i));
                    continue;
                }
                for (JsonNode r : Api.JSON.readTree(read.body()).path("reports")) {
                    casesOf.computeIfAbsent(r.path("reportId").asText(), k -> new ArrayList<>()).add(batch.get(i));
                }
            }
        }
        return casesOf;
    }

    /** Each queue's referrals as its manager lists them (each page from {@code routingUrl}): queue -> caseId -> referrals. */
    static Map<String, Map<String, Integer>> routingQueues(Supplier<String> routingUrl, Supplier<String> managerToken) {
        Map<String, Map<String, Integer>> queues = new HashMap<>();
        for (String queue : List.of("children", "adults", "police")) {
            Map<String, Integer> perCase = new HashMap<>();
            for (int page = 0; ; page++) {
                Api.Answer answer = get(routingUrl.get() + "/api/v1/queues/" + queue + "/referrals?size=500&page="
                        + page, managerToken.get());
                if (answer.status() != 200) {
                    perCase.put("(unreadable: " + answer.status() + ")", -1);
                    break;
                }
                JsonNode items = answer.body().path("items");
                items.forEach(i -> perCase.merge(i.path("caseId").asText(), 1, Integer::sum));
                if (items.size() < 500) {
                    break;
                }
            }
            queues.put(queue, perCase);
        }
        return queues;
    }

    /** The decisions' referrals that routing's queues (API) do not list exactly once per route: "caseId queue" -> what. */
    Map<String, String> queuesAgainstDecisions(Map<String, Map<String, Integer>> onQueues) {
        Map<String, String> wrong = new TreeMap<>();
        for (TopicWatch.Event d : ofType("mash.case.decision-recorded.v1")) {
            for (String route : QUEUE_OF_ROUTE.keySet()) {
                String queue = route.toLowerCase(java.util.Locale.ROOT);
                int expected = d.routes().contains(route) ? 1 : 0;
                int found = onQueues.getOrDefault(queue, Map.of()).getOrDefault(d.caseId(), 0);
                if (found != expected) {
                    wrong.put(d.caseId() + " " + queue, found + " referral(s), expected " + expected);
                }
            }
        }
        return wrong;
    }

    /** A GET whose failure to connect is an answer too (status 0), so that the figures are still printed. */
    static Api.Answer get(String url, String token) {
        try {
            return Api.get(url, token);
        } catch (RuntimeException unreachable) {
            return new Api.Answer(0, null, unreachable.getMessage());
        }
    }

    /** The first ten entries, to print. */
    static <K, V> Map<K, V> first(Map<K, V> all) {
        return all.entrySet().stream().limit(10).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }

    /** The accepted reports that screening's API does not show in exactly one case (reportId → its cases). */
    static Map<String, List<String>> notInOneCase(Collection<String> accepted, Map<String, List<String>> casesOfReport) {
        Map<String, List<String>> notInOne = new TreeMap<>();
        for (String reportId : accepted) {
            List<String> cases = casesOfReport.getOrDefault(reportId, List.of());
            if (cases.size() != 1) {
                notInOne.put(reportId, cases);
            }
        }
        return notInOne;
    }
}
