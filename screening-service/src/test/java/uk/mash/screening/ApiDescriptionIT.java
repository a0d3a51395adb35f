package uk.mash.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.ApiDescriptionCheck;

/** What an integrator reads in screening's /q/openapi (ApiDescriptionCheck), and that its request examples hold. */
@QuarkusTest
class ApiDescriptionIT {

    @TestHTTPResource("/")
    URI root;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Test
    void everyOperationIsDescribedForAnIntegrator() {
        ApiDescriptionCheck.assertEveryOperationDescribed(root);
    }

    @Test
    void everyChangeToACaseSaysItAnswersTheCaseWithItsETagOrRefusesWith404409Or412() {
        JsonNode paths = ApiDescriptionCheck.served(root).path("paths");
        List<String> changes = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/cases/{caseId}/") && path.getValue().has("post")) {
                changes.add(path.getKey());
                JsonNode responses = path.getValue().path("post").path("responses");
                assertThat(responses.path("200").path("headers").has("ETag")).as(path.getKey() + " 200 ETag").isTrue();
                for (String status : List.of("404", "409", "412", "422")) {
                    assertThat(responses.path(status).path("content").has("application/problem+json"))
                            .as(path.getKey() + " " + status).isTrue();
                }
            }
        });
        assertThat(changes).contains("/api/v1/cases/{caseId}/decision", "/api/v1/cases/{caseId}/risk-rating",
                "/api/v1/cases/{caseId}/agency-information", "/api/v1/cases/{caseId}/information-requests",
                "/api/v1/cases/{caseId}/information-requests/{requestId}/answer",
                "/api/v1/cases/{caseId}/information-requests/{requestId}/decline");
    }

    @Test
    void everyRequestExampleIsARequestTheServiceAccepts() {
        ApiDescriptionCheck.assertRequestExamplesAccepted(root, (schema, example) -> validator
                .validate(mapper.treeToValue(example, Class.forName("uk.mash.screening.web." + schema))).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).toList());
    }
}
