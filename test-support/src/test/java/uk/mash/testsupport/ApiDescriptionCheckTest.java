package uk.mash.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The check names what an integrator would miss, and nothing when all is there. */
class ApiDescriptionCheckTest {

    private static final String DESCRIBED = """
            {"info": {"title": "MASH Hub intake API", "version": "1", "description": "The front door"},
             "components": {"schemas": {"Problem": {"type": "object"}},
                            "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}},
             "paths": {"/api/v1/reports": {"post": {
               "tags": ["Reports"], "summary": "Submit a report", "description": "For a referrer",
               "security": [{"jwt": ["referrer"]}],
               "parameters": [{"name": "Idempotency-Key", "in": "header"}],
               "requestBody": {"content": {"application/json": {"examples": {"school": {"value": {"summary": "x"}}}}}},
               "responses": {
                 "202": {"content": {"application/json": {"example": {"reference": "MASH-2026-000123"}}}},
                 "400": {"$ref": "#/components/responses/Malformed"},
                 "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "403": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "413": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}}
            """;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aFullyDescribedOperationHasNoGaps() throws Exception {
        ObjectNode document = (ObjectNode) mapper.readTree(DESCRIBED);
        document.with("components").putObject("responses").set("Malformed", mapper.readTree(
                "{\"content\": {\"application/problem+json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}}}"));

        assertThat(ApiDescriptionCheck.gapsIn(document)).isEmpty();
    }

    @Test
    void whatQuarkusDescribesByItselfIsNamedGapByGap() throws Exception {
        JsonNode document = mapper.readTree("""
                {"info": {"title": "intake-service", "version": "0.1.0-SNAPSHOT"},
                 "paths": {"/api/v1/reports/{reportId}": {"get": {
                   "summary": "Status", "tags": ["Report Resource"],
                   "parameters": [{"name": "reportId", "in": "path"}],
                   "responses": {"200": {"content": {"application/json": {"schema": {}}}},
                                 "401": {"description": "Not Authorized"}}}}}}
                """);

        assertThat(ApiDescriptionCheck.gapsIn(document)).containsExactly(
                "info: no description",
                "components: no Problem schema",
                "components: no bearer (JWT) security scheme",
                "GET /api/v1/reports/{reportId}: no description",
                "GET /api/v1/reports/{reportId}: 401 is not described as an application/problem+json Problem",
                "GET /api/v1/reports/{reportId}: no example of the success answer",
                "GET /api/v1/reports/{reportId}: no security requirement");
    }

    @Test
    void anOperationReadingABodyOrQueryNeeds400And413AndSecuredOnes401And403() throws Exception {
        ObjectNode document = (ObjectNode) mapper.readTree(DESCRIBED);
        ObjectNode responses = (ObjectNode) document.at("/paths/~1api~1v1~1reports/post/responses");
        responses.remove(java.util.List.of("400", "401", "403", "413"));

        assertThat(ApiDescriptionCheck.gapsIn(document)).contains(
                "POST /api/v1/reports: secured, but no 401 response",
                "POST /api/v1/reports: secured, but no 403 response",
                "POST /api/v1/reports: takes a body, but no 400 response",
                "POST /api/v1/reports: takes a body, but no 413 response");
    }

    @Test
    void requestExamplesAreFoundWithTheSchemaTheyClaim() throws Exception {
        JsonNode document = mapper.readTree(DESCRIBED.replace("\"examples\": {\"school\"",
                "\"schema\": {\"$ref\": \"#/components/schemas/ReportRequest\"}, \"examples\": {\"school\""));

        assertThat(ApiDescriptionCheck.requestExamples(document)).singleElement().satisfies(example -> {
            assertThat(example.schema()).isEqualTo("ReportRequest");
            assertThat(example.value().path("summary").asText()).isEqualTo("x");
        });
    }
}
