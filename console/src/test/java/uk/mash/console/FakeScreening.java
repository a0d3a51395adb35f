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
 * screening-service as the console meets it over HTTP, for the console's fast tests (no broker, no
 * database): one case to read, and the answer the next command gets, set by the test. What the
 * console sent (method, path, If-Match, Authorization, body) is kept for the test to check.
 */
public class FakeScreening implements QuarkusTestResourceLifecycleManager {

    public static final String CASE_ID = "3f6b1c9e-2a4d-4e8f-9b71-0c5d8e2f4a10";

    /** A request the console made. */
    public record Received(String method, String path, String ifMatch, String authorization, String body) {
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
            RECEIVED.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("If-Match"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status;
            String answer;
            if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/cases/" + CASE_ID)) {
                status = 200;
                answer = CASE;
            } else if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/cases")) {
                status = 200;
                answer = "{\"items\": [], \"total\": 0}";
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
        return Map.of("quarkus.rest-client.screening.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
