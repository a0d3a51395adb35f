package uk.mash.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

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
