package uk.mash.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "Why a request was refused, as RFC 9457 problem details "
        + "(application/problem+json). Nothing is stored or published for a refused request. A message never "
        + "repeats the value refused: it may be personal data.", requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "What kind of problem: a URN, the same for every problem of this kind",
                examples = "urn:mash:problem:invalid-request") String type,
        @Schema(description = "A short summary of the kind", examples = "Request breaks a rule") String title,
        @Schema(description = "The HTTP status code", examples = "422") int status,
        @Schema(description = "What went wrong with this request", examples = "The request breaks 1 rule(s)") String detail,
        @Schema(description = "For a malformed request (400) or one that breaks a rule (422): each field and "
                + "what is wrong with it; absent otherwise") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:mash:problem:";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, List.of());
    }

    public static Problem invalid(int status, String detail, List<Violation> violations) {
        return new Problem(TYPE_PREFIX + (status == 400 ? "malformed-request" : "invalid-request"),
                status == 400 ? "Malformed request" : "Request breaks a rule", status, detail, violations);
    }
}
