package uk.mash.console;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The four services as the console meets them over HTTP, for the console's fast tests (no broker, no
 * database): one case, one information request, one referral, a report card, a case's history, and
 * the answer the next command gets, set by the test. What the console sent (method, path and query,
 * If-Match, Authorization, body) is kept for the test to check.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static final String CASE_ID = "3f6b1c9e-2a4d-4e8f-9b71-0c5d8e2f4a10";

    /** A request the console made. */
    public record Received(String method, String path, String query, String ifMatch, String authorization, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The answer to the next POST: status and JSON body. */
    public static volatile int nextStatus = 200;
    public static volatile String nextBody = "{}";

    public static final String CASE = """
            {"caseId": "%s", "reference": "MASH-2026-000042", "status": "AWAITING_DECISION",
             "openedAt": "2026-12-01T09:00:00Z", "decisionDueBy": "2026-12-02T09:00:00Z", "overdue": false,
             "rag": null, "reReferral": false, "previousCaseIds": [], "consent": "GIVEN",
             "reports": [{"reportId": "9d0e2f3a-1111-4a4a-8b8b-222233334444", "reference": "MASH-2026-000042",
                          "receivedAt": "2026-12-01T09:00:00Z", "agency": "EDUCATION", "channel": "ONLINE"}],
             "subjects": [{"subjectId": "5e1f0a2b-3333-4c4c-9d9d-555566667777", "role": "CHILD",
                           "givenName": "<img src=x onerror=alert(1)>", "familyName": "Prydderch", "dateOfBirth": "2017-05-04"}],
             "concerns": ["NEGLECT"], "agencyInformation": [], "informationRequests": [], "riskRatings": [],
             "decision": null, "version": 7}
            """.formatted(CASE_ID);

    public static final String REQUEST_ID = "7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b";
    public static final String REFERRAL_ID = "6e1b9d47-c3a8-4f25-8d0e-2b7a5f9c1e38";

    /** What the other pages read: path → JSON. */
    static final Map<String, String> GETS = Map.of(
            "/api/v1/information-requests", """
                    {"items": [{"requestId": "%s", "caseId": "%s", "caseReference": "MASH-2026-000042", "rag": "RED",
                      "agency": "HEALTH", "question": "Is <b>Cai</b> known to the health visitor?", "requestedBy": "sw.owen",
                      "requestedByAgency": "CHILDRENS_SERVICES", "requestedAt": "2026-12-01T09:10:00Z",
                      "dueBy": "2026-12-01T11:10:00Z", "status": "OPEN", "overdue": true, "consentOverride": null,
                      "answeredBy": null, "answeredAt": null, "declinedBy": null, "declinedAt": null, "declineReason": null}],
                     "total": 1}""".formatted(REQUEST_ID, CASE_ID),
            "/api/v1/queues/children/referrals", """
                    {"items": [{"referralId": "%s", "caseId": "%s", "caseReference": "MASH-2026-000042", "queue": "CHILDREN",
                      "outcome": "CHILD_PROTECTION_STRATEGY", "rag": "RED", "rationale": "Strategy discussion needed.",
                      "routedAt": "2026-12-01T10:00:00Z", "dueBy": "2026-12-01T14:00:00Z", "status": "PENDING",
                      "subjects": [{"role": "CHILD", "givenName": "Cai", "familyName": "Prydderch", "dateOfBirth": "2017-05-04"}]}]}
                    """.formatted(REFERRAL_ID, CASE_ID),
            "/api/v1/performance", """
                    {"from": "2026-11-01", "to": "2026-11-30", "contactsReceived": 80, "casesOpened": 70, "referrals": 43,
                     "decisionsWithinOneWorkingDay": {"count": 39, "of": 40, "share": 0.975},
                     "reReferrals": {"count": 9, "of": 43, "share": 0.2093},
                     "acknowledgedInTime": {"count": 40, "of": 43, "share": 0.9302},
                     "byReferringAgency": {"POLICE": 30, "EDUCATION": 20}, "byConcern": {"NEGLECT": 12},
                     "byOutcome": {"EARLY_HELP": 16, "CHILD_PROTECTION_STRATEGY": 10},
                     "reportToDecision": {"decisions": 40, "median": "PT5H", "p90": "PT20H", "medianSeconds": 18000, "p90Seconds": 72000},
                     "informationSharing": {"requests": 20, "answered": 18, "declined": 1, "open": 1,
                       "answeredByDueBy": {"count": 15, "of": 20, "share": 0.75},
                       "byRag": {"RED": {"requests": 8, "answeredByDueBy": {"count": 7, "of": 8, "share": 0.875}},
                                 "AMBER": {"requests": 12, "answeredByDueBy": {"count": 8, "of": 12, "share": 0.6667}}},
                       "byAgency": {}}}
                    """,
            "/api/v1/audit/cases/" + CASE_ID + "/state", CASE,
            "/api/v1/audit/cases/" + CASE_ID + "/events", """
                    [{"sequence": 12, "eventId": "e1", "type": "mash.case.opened.v1", "occurredAt": "2026-12-01T09:00:01Z",
                      "recordedAt": "2026-12-01T09:00:02Z", "actor": {"sub": "dsl.jones", "agency": "EDUCATION"}, "data": {}},
                     {"sequence": 13, "eventId": "r1", "type": "mash.access.case-read.v1", "occurredAt": "2026-12-01T09:30:00Z",
                      "recordedAt": "2026-12-01T09:30:00Z", "actor": {"sub": "sw.owen", "agency": "CHILDRENS_SERVICES"}, "data": {}}]
                    """,
            "/api/v1/audit/integrity", "{\"entries\": 871, \"verified\": true, \"headHash\": \"ab\", \"firstBrokenSequence\": null}",
            "/api/v1/audit/access-log", """
                    [{"sequence": 13, "eventId": "r1", "caseId": "%s", "sub": "sw.owen", "agency": "CHILDRENS_SERVICES",
                      "service": "screening", "endpoint": "GET /api/v1/cases/{caseId}", "readAt": "2026-12-01T09:30:00Z"}]
                    """.formatted(CASE_ID));

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("If-Match"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status;
            String answer;
            if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/cases/" + CASE_ID)) {
                status = 200;
                answer = CASE;
            } else if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/cases")) {
                status = 200;
                answer = "{\"items\": [], \"total\": 0}";
            } else if (exchange.getRequestMethod().equals("GET") && GETS.containsKey(path)) {
                status = 200;
                answer = GETS.get(path);
            } else if (exchange.getRequestMethod().equals("POST")) {
                status = nextStatus;
                answer = nextBody;
            } else {
                status = 404;
                answer = "{\"title\": \"Not Found\", \"status\": 404}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.screening.url", url, "quarkus.rest-client.routing.url", url,
                "quarkus.rest-client.audit.url", url, "quarkus.rest-client.intake.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
