package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** REST as a user's system calls it: JSON over HTTP with a bearer token. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, String text) {
        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private Api() {
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static Answer post(String url, String token, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = null;
            if (text != null && !text.isBlank()) {
                try {
                    body = JSON.readTree(text);
                } catch (Exception notJson) {
                    body = null;
                }
            }
            return new Answer(response.statusCode(), body, text);
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e, e);
        }
    }
}
