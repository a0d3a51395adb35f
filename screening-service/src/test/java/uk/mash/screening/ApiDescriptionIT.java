package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.ApiDescriptionCheck;
import uk.mash.testsupport.ApiDescriptionTests;

/**
 * What an integrator reads in screening's /q/openapi (ApiDescriptionTests), and that every change to a case
 * says what it answers.
 */
@QuarkusTest
class ApiDescriptionIT extends ApiDescriptionTests {

    @Override
    protected String requestPackage() {
        return "uk.mash.screening.web";
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
}
