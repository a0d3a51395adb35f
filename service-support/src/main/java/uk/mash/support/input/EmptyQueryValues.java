package uk.mash.support.input;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter given with an empty value ({@code ?status=}) is refused with 400, for every
 * endpoint: Quarkus REST hands it to the resource as null, as if it had been left out, so the
 * list would silently answer unfiltered. Only the parameters the endpoint declares are checked,
 * so no name the caller invented is repeated back.
 */
public class EmptyQueryValues {

    @ServerRequestFilter
    public void refuseEmptyValues(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty()) {
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            List<String> values = query == null ? null : uri.getQueryParameters().get(query.value());
            if (values != null && values.stream().anyMatch(String::isEmpty)) {
                throw Parameters.malformed(query.value(), "must not be empty (leave it out instead)");
            }
        }
    }
}
