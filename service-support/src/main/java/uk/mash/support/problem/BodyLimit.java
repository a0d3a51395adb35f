package uk.mash.support.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before
 * it is read. (Vert.x enforces the same limit on chunked bodies, with a plain 413.)
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "256K")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::refuseOversizedBodies);
    }

    void refuseOversizedBodies(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            try {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(mapper.writeValueAsString(Problem.of(413, "payload-too-large", "Payload too large",
                                "The body is over " + limit.asLongValue() + " bytes")));
            } catch (Exception e) {
                rc.fail(413);
            }
            return;
        }
        rc.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
