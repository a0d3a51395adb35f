package uk.mash.support.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import uk.mash.support.problem.ProblemException;

/**
 * Every JSON request body of every REST endpoint, once read, has all its texts checked against
 * {@link StorableText}: one that is not is refused with 422 naming the field, before validation
 * and before anything is stored. One mechanism, so no field can be forgotten. It reads the body as
 * Jackson would write it, so the path is the one the caller sent ({@code subjects[0].givenName}).
 * Kafka consumers and Axon do not pass through here: they read events our own code wrote.
 */
@Provider
public class TextInRequestBodies implements ReaderInterceptor {

    @Inject
    ObjectMapper mapper;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body != null && isJson(context.getMediaType())) {
            firstUnstorable(mapper.valueToTree(body), "").ifPresent(field -> {
                throw ProblemException.unprocessable(field.isEmpty() ? "$" : field, StorableText.RULE);
            });
        }
        return body;
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** The path of the first text (or object key, reported as its object) that is not storable. */
    static Optional<String> firstUnstorable(JsonNode node, String path) {
        if (node.isTextual()) {
            return StorableText.isStorable(node.textValue()) ? Optional.empty() : Optional.of(path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstUnstorable(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!StorableText.isStorable(field.getKey())) {
                    return Optional.of(path);
                }
                Optional<String> found = firstUnstorable(field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
