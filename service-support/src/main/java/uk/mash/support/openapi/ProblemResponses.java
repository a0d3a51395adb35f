package uk.mash.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.Violation;

/**
 * Every refusal of every operation, in every service's API description, as the RFC 9457 problem
 * {@code ProblemMappers} answers with: the {@link Problem} schema and an example. The refusals
 * every operation can meet are added here rather than on each method: 401 and 403 where a token is
 * needed, 400 where it reads a body or query parameters or headers, 413 where it reads a body.
 * A resource declares only the refusals of its own (404, 409, 412, 422) with what they mean there;
 * this gives them the problem shape, and an example where the refusal reads the same everywhere (a
 * resource gives its own 409 and 422 examples: what conflicts and which rule are its own). Runs on the finished document, after Quarkus added the
 * security requirements from {@code @RolesAllowed}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** What Quarkus writes when it adds a response by itself: replaced by what the refusal means here. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed",
            "Unauthorized", "Forbidden", "Not Found", "Conflict");

    private static final Map<String, String> MEANING = Map.of(
            "400", "Malformed: the body is not JSON or a value has the wrong type (input is read strictly, never "
                    + "coerced: a number is not a string, date or enum; an enum is its exact name; one value is not "
                    + "a list), or a query parameter or header is outside its allowed values. `violations` names the "
                    + "field. Nothing is stored.",
            "401", "No bearer token, or one that is forged, expired or unsigned, or whose role acts for an agency "
                    + "but whose `agency` claim names none of CONTRACT.md's agencies.",
            "403", "The token's role may not do this. Says nothing about whether the record exists.",
            "404", "Not found.",
            "409", "Conflict with what was already recorded.",
            "412", "The `If-Match` version is not the case's current version: the case has moved on. Read it "
                    + "again and decide on what it now says.",
            "413", "The body is over 256 KiB; it is not read.",
            "422", "Well-formed, but breaks a rule; `violations` names each field and the rule. Text with a control "
                    + "character (other than tab, line feed, carriage return) or a lone surrogate is refused here too.");

    private static final Map<String, Problem> EXAMPLE = Map.of(
            "401", Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required"),
            "403", Problem.of(403, "forbidden", "Forbidden", "Your role may not do this"),
            "412", Problem.of(412, "precondition-failed", "Precondition failed",
                    "The case has changed since the version in If-Match; read it again"),
            "413", Problem.of(413, "payload-too-large", "Payload too large", "The body is over 262144 bytes"));

    /** The last {@code {somethingId}} of a path names what a 404 did not find. */
    private static final Pattern LAST_ID = Pattern.compile(".*\\{(\\w+)Id}");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> complete(path, item, operation, securedByDefault)));
    }

    private void complete(String path, PathItem item, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = securedByDefault || (operation.getSecurity() != null && !operation.getSecurity().isEmpty());
        boolean readsBody = operation.getRequestBody() != null;
        if (secured) {
            ensure(responses, "401");
            ensure(responses, "403");
        }
        if (readsBody || checkedParameters(item.getParameters()).isPresent()
                || checkedParameters(operation.getParameters()).isPresent()) {
            ensure(responses, "400");
        }
        if (readsBody) {
            ensure(responses, "413");
        }
        String firstParameter = checkedParameters(item.getParameters()).or(() -> checkedParameters(operation.getParameters()))
                .map(Parameter::getName).orElse(null);
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") && response.getRef() == null) {
                asProblem(path, status, response, readsBody, firstParameter);
            }
        });
    }

    private static void ensure(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    /** Query parameters and headers are checked ({@code Parameters}); a path's id that is no id names nothing: 404. */
    private static Optional<Parameter> checkedParameters(List<Parameter> parameters) {
        return parameters == null ? Optional.empty()
                : parameters.stream().filter(p -> p.getIn() != Parameter.In.PATH).findFirst();
    }

    private static void asProblem(String path, String status, APIResponse response, boolean readsBody,
                                  String firstParameter) {
        if (response.getDescription() == null || GENERIC_DESCRIPTIONS.contains(response.getDescription())) {
            response.setDescription(MEANING.getOrDefault(status, "Refused."));
        }
        MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
        }
        problem.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        if ((problem.getExamples() == null || problem.getExamples().isEmpty()) && problem.getExample() == null) {
            Problem example = switch (status) {
                case "400" -> malformed(readsBody, firstParameter);
                case "404" -> notFound(path);
                default -> EXAMPLE.get(status);
            };
            if (example != null) {
                problem.addExample(example.type().substring(example.type().lastIndexOf(':') + 1),
                        OASFactory.createExample().value(asJson(example)));
            }
        }
        // a refusal is always problem+json, whatever the operation produces when it succeeds
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        response.setContent(content);
    }

    /** As the mappers answer: a body of the wrong shape, or a query parameter or header outside its values. */
    private static Problem malformed(boolean readsBody, String parameter) {
        return readsBody || parameter == null
                ? Problem.invalid(400, "The body is not well-formed JSON", List.of())
                : Problem.invalid(400, "A request parameter is outside its allowed values",
                        List.of(new Violation(parameter, "must be one of the values this parameter allows")));
    }

    private static Problem notFound(String path) {
        Matcher id = LAST_ID.matcher(path);
        String what = id.find() ? Character.toUpperCase(id.group(1).charAt(0)) + id.group(1).substring(1) : "The record";
        return Problem.of(404, "not-found", "Not found", what + " 0b9f1d7e-4c2a-4e8b-9a51-3f6c2d8e7a10 was not found");
    }

    /** The example as the JSON object the mapper writes (empty violations left out, as {@code @JsonInclude} does). */
    private static Map<String, Object> asJson(Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.type());
        json.put("title", problem.title());
        json.put("status", problem.status());
        json.put("detail", problem.detail());
        if (problem.violations() != null && !problem.violations().isEmpty()) {
            json.put("violations", problem.violations().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return json;
    }
}
