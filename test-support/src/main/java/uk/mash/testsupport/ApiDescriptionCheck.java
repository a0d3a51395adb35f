package uk.mash.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an integrator (a police system's vendor, a case system's supplier) needs from a service's
 * served OpenAPI description, operation by operation: a tag, a summary and a description; an
 * example of the request body and of the success answer; every refusal it can meet as an RFC 9457
 * problem (401 and 403 where a token is needed, 400 where it takes a body, query parameters or headers,
 * 413 where it takes a body); and the security requirement. {@link #gapsIn} names every gap, so a failing
 * test lists all that is missing at once.
 */
public final class ApiDescriptionCheck {

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDescriptionCheck() {
    }

    /** Reads {@code /q/openapi?format=json} of the service at {@code root} and fails naming every gap. */
    public static void assertEveryOperationDescribed(URI root) {
        JsonNode document = served(root);
        List<String> gaps = gapsIn(document);
        assertThat(gaps).as("what an integrator would miss in %sq/openapi (%d operations)", root,
                operationCount(document)).isEmpty();
    }

    /**
     * Reads every example of every request body back as the service would: {@code reader} turns the example into
     * the request type its schema names (the service's own strict JSON reader) and validates it, answering what it
     * refuses. Fails naming each example refused, and when there is no request example at all.
     */
    public static void assertRequestExamplesAccepted(URI root, RequestReader reader) {
        List<String> refused = new ArrayList<>();
        List<RequestExample> examples = requestExamples(served(root));
        for (RequestExample example : examples) {
            try {
                reader.problemsWith(example.schema(), example.value())
                        .forEach(problem -> refused.add(example.name() + ": " + problem));
            } catch (Exception e) {
                refused.add(example.name() + ": " + e);
            }
        }
        assertThat(examples).as("request examples in %sq/openapi", root).isNotEmpty();
        assertThat(refused).as("request examples the service would refuse").isEmpty();
    }

    /** What the service makes of one example body: nothing when it would accept it. */
    @FunctionalInterface
    public interface RequestReader {
        List<String> problemsWith(String schemaName, JsonNode example) throws Exception;
    }

    /** An example of a request body, with the name of the schema it claims to be. */
    public record RequestExample(String name, String schema, JsonNode value) {
    }

    public static List<RequestExample> requestExamples(JsonNode document) {
        List<RequestExample> found = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode body = resolve(document, op.getValue().path("requestBody"));
            body.path("content").forEach(mediaType -> {
                String ref = mediaType.path("schema").path("$ref").asText("");
                String schema = ref.substring(ref.lastIndexOf('/') + 1);
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                mediaType.path("examples").fields().forEachRemaining(example -> found.add(new RequestExample(
                        operation + " example " + example.getKey(), schema, json(example.getValue().path("value")))));
                if (mediaType.has("example")) {
                    found.add(new RequestExample(operation + " example", schema, json(mediaType.get("example"))));
                }
            });
        }));
        return found;
    }

    /** An example given as JSON text is read as the JSON it holds. */
    private static JsonNode json(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return new ObjectMapper().readTree(value.asText());
        } catch (IOException e) {
            return value;
        }
    }

    /** The served description, as JSON. */
    public static JsonNode served(URI root) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(root.resolve("/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("GET /q/openapi").isEqualTo(200);
            return new ObjectMapper().readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("The API description could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading the API description", e);
        }
    }

    public static int operationCount(JsonNode document) {
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<String> methods = paths.next().getValue().fieldNames(); methods.hasNext(); ) {
                count += METHODS.contains(methods.next()) ? 1 : 0;
            }
        }
        return count;
    }

    /** Everything missing, one line each ("POST /api/v1/reports: no example of the request body"). */
    public static List<String> gapsIn(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        JsonNode info = document.path("info");
        for (String field : List.of("title", "version", "description")) {
            if (info.path(field).asText("").isBlank()) {
                gaps.add("info: no " + field);
            }
        }
        if (document.at("/components/schemas/Problem").isMissingNode()) {
            gaps.add("components: no Problem schema");
        }
        if (!hasBearerScheme(document.at("/components/securitySchemes"))) {
            gaps.add("components: no bearer (JWT) security scheme");
        }
        if (operationCount(document) == 0) {
            gaps.add("paths: no operation is described");
        }
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operationGaps(document, path.getValue(), op.getValue()).forEach(gap -> gaps.add(name + ": " + gap));
            }
        }));
        return gaps;
    }

    private static List<String> operationGaps(JsonNode document, JsonNode pathItem, JsonNode operation) {
        List<String> gaps = new ArrayList<>();
        if (operation.path("tags").isEmpty()) {
            gaps.add("no tag");
        }
        for (String field : List.of("summary", "description")) {
            if (operation.path(field).asText("").isBlank()) {
                gaps.add("no " + field);
            }
        }
        boolean takesBody = operation.has("requestBody");
        if (takesBody && !hasExample(resolve(document, operation.get("requestBody")).path("content"))) {
            gaps.add("no example of the request body");
        }
        JsonNode responses = operation.path("responses");
        boolean successExample = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            JsonNode content = resolve(document, response.getValue()).path("content");
            if (response.getKey().startsWith("2")) {
                successExample |= hasExample(content);
            } else if (response.getKey().startsWith("4") && !isProblem(content)) {
                gaps.add(response.getKey() + " is not described as an " + PROBLEM_MEDIA_TYPE + " Problem");
            }
        }
        if (!successExample) {
            gaps.add("no example of the success answer");
        }
        boolean secured = !operation.path("security").isEmpty() || !document.path("security").isEmpty();
        if (!secured) {
            gaps.add("no security requirement");
        }
        for (String status : List.of("401", "403")) {
            if (secured && !responses.has(status)) {
                gaps.add("secured, but no " + status + " response");
            }
        }
        // a query parameter or header outside its values is 400; an id in the path that names nothing is 404
        boolean takesParameters = takesCheckedParameters(operation) || takesCheckedParameters(pathItem);
        if ((takesBody || takesParameters) && !responses.has("400")) {
            gaps.add("takes " + (takesBody ? "a body" : "parameters") + ", but no 400 response");
        }
        if (takesBody && !responses.has("413")) {
            gaps.add("takes a body, but no 413 response");
        }
        return gaps;
    }

    private static boolean takesCheckedParameters(JsonNode operationOrPath) {
        for (JsonNode parameter : operationOrPath.path("parameters")) {
            if (!"path".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode mediaType : content) {
            if (mediaType.has("example") || !mediaType.path("examples").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProblem(JsonNode content) {
        return PROBLEM_SCHEMA.equals(content.path(PROBLEM_MEDIA_TYPE).path("schema").path("$ref").asText());
    }

    private static boolean hasBearerScheme(JsonNode schemes) {
        for (JsonNode scheme : schemes) {
            if ("http".equals(scheme.path("type").asText()) && "bearer".equalsIgnoreCase(scheme.path("scheme").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A response or request body given as {@code $ref} to the document's components. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }
}
