package uk.mash.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/**
 * The demo's people calling the running stack's public APIs: each call signed as a person (role,
 * agency, sub) with the stack's own key, as {@code ./mash token} would; a refusal stops the demo
 * saying which call and why.
 */
final class DemoClient {

    private final Map<String, String> tokens = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrivateKey key;

    DemoClient(PrivateKey key) {
        this.key = key;
    }

    Map<String, Object> get(String url, String role, String agency, String sub) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), role, agency, sub);
    }

    Map<String, Object> post(String url, String role, String agency, String sub, Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(body))), role, agency, sub);
    }

    private Map<String, Object> send(HttpRequest.Builder request, String role, String agency, String sub) throws Exception {
        String token = tokens.computeIfAbsent(role + "|" + agency + "|" + sub, k -> {
            try {
                return Tokens.sign(key, role, agency == null ? Identity.defaultAgency(role) : agency, sub, 3600);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JsonUtil.parseJson(response.body());
    }
}
