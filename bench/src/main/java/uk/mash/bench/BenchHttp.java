package uk.mash.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The services' REST API as the bench calls it outside its loads: one request, a bearer token, a JSON answer. */
final class BenchHttp {

    private final HttpClient http;

    BenchHttp(HttpClient http) {
        this.http = http;
    }

    JsonNode get(String url, String token, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url, token, timeout);
    }

    JsonNode post(String url, String token, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), url, token, timeout);
    }

    private JsonNode send(HttpRequest.Builder request, String url, String token, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).timeout(timeout)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return ServiceJson.MAPPER.readTree(response.body());
    }
}
