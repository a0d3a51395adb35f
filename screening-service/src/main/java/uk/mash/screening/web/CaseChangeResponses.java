package uk.mash.screening.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import uk.mash.support.problem.Problem;

/**
 * What every change to a case answers, in the API description: the case after the change with its
 * new ETag, or 404, 409 or 412 with what they mean here. Every POST under {@code /api/v1/cases/{caseId}/}
 * goes through {@link CaseAnswers} and the Case aggregate, so these are the same for each; a resource
 * method declares only its body and its own 422. Runs at build, before service-support's
 * {@code ProblemResponses} gives the refusals the problem shape.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CaseChangeResponses implements OASFilter {

    private static final String CHANGES = "/api/v1/cases/{caseId}/";

    private static final Map<String, String> REFUSALS = Map.of(
            "404", "No such case, or no such request on it",
            "409", "Someone else changed the case at the same moment, or the change contradicts what the case "
                    + "records (an agency asked while its request is open; a request answered or declined already)",
            "412", "The case has moved on since the version in If-Match");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(CHANGES) && item.getPOST() != null) {
                complete(item.getPOST());
            }
        });
    }

    private static void complete(Operation post) {
        if (post.getResponses() == null) {
            post.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = post.getResponses();
        if (!responses.hasAPIResponse("200")) {
            responses.addAPIResponse("200", changedCase());
        }
        REFUSALS.forEach((status, meaning) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(meaning));
            }
        });
        APIResponse conflict = responses.getAPIResponse("409");
        if (conflict.getContent() == null) {
            conflict.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .addExample("concurrent-change", OASFactory.createExample().value(Map.of(
                            "type", "urn:mash:problem:concurrent-change", "title", "Conflict", "status", 409,
                            "detail", "Someone else changed the case at the same moment; try again")))));
        }
    }

    private static APIResponse changedCase() {
        Content json = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/CaseView"))
                .addExample("case", OASFactory.createExample().value(asJson(ApiExamples.CASE))));
        return OASFactory.createAPIResponse().description("The case after the change")
                .addHeader("ETag", OASFactory.createHeader().description("The case's new version, quoted")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .content(json);
    }

    private static Object asJson(String example) {
        try {
            return new ObjectMapper().readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The case example is not JSON", e);
        }
    }
}
