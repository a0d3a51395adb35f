package uk.mash.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.mash.support.messaging.Failures;

/**
 * Every error of every service as RFC 9457 problem+json, in one place. 400 for JSON that cannot
 * be read as the request type, 422 for a request that breaks a rule, 401/403 for identity, 503 with
 * {@code Retry-After} for a passing failure (the database away, no connection free in time).
 * Messages never echo the rejected values: they may be personal data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a caller refused for a passing failure waits before sending again. */
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return respond(Problem.invalid(422, "The request breaks " + violations.size() + " rule(s)", violations));
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        String field = jsonPath(e);
        String message = e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                : "has the wrong type or shape";
        return respond(Problem.invalid(400, "The body does not match the expected shape",
                List.of(new Violation(field.isEmpty() ? "$" : field, message))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(Problem.invalid(400, "The body is not well-formed JSON", List.of()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role may not do this"));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 400 && e.getCause() instanceof JsonProcessingException cause) {
            return cause instanceof MismatchedInputException m ? unreadable(m) : malformed(cause);
        }
        return respond(Problem.of(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(), null));
    }

    /** A validator that failed (not a request that broke a rule): the service's fault. */
    @ServerExceptionMapper
    public Response validatorFailed(jakarta.validation.ValidationException e) {
        return e instanceof ConstraintViolationException violations ? invalid(violations) : unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        if (Failures.isTransient(e)) {
            // not a defect: the database or broker is away or every connection is busy (a burst on two
            // cores). The transaction rolled back, so the caller may send the same request again
            LOG.warnf("Unavailable for now, incident %s: %s", incident, describe(e));
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(503, "unavailable", "Service unavailable",
                            "Busy or briefly unavailable: send the same request again shortly. Incident " + incident))
                    .build();
        }
        // the exception chain's types and frames only: messages may carry personal data
        LOG.errorf("Unexpected error, incident %s: %s", incident, describe(e));
        return respond(Problem.of(500, "internal-error", "Internal error", "Incident " + incident));
    }

    private static Response unauthorized() {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required"))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The path of the field inside the request, without the Java method and parameter names. */
    static String fieldPath(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder path = new StringBuilder();
        for (Iterator<Path.Node> it = nodes.iterator(); it.hasNext(); ) {
            Path.Node node = it.next();
            ElementKind kind = node.getKind();
            boolean beanParameter = kind == ElementKind.PARAMETER && it.hasNext();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || beanParameter
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            // Hibernate Validator puts a list element's index on the node that follows it
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || kind == ElementKind.BEAN || node.getName() == null) {
                continue;
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getClass().getName()).append(" at ")
                    .append(Arrays.stream(t.getStackTrace()).limit(8).map(StackTraceElement::toString)
                            .collect(Collectors.joining(" < ")))
                    .append(t.getCause() != null ? "; caused by " : "");
        }
        return out.toString();
    }
}
