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

    /** The answer; {@code etag} its {@code ETag} header (screening's case version), when it has one. */
    record Answer(int status, JsonNode body, String text, String etag) {
        Answer(int status, JsonNode body, String text) {
            this(status, body, text, null);
        }

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
        return post(url, token, body, null);
    }

    /** A change made on the version of the case the caller saw ({@code ifMatch}, an ETag as given; none when null). */
    static Answer post(String url, String token, Object body, String ifMatch) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return send(request, token);
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
            return new Answer(response.statusCode(), body, text, response.headers().firstValue("ETag").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e, e);
        }
    }
}
