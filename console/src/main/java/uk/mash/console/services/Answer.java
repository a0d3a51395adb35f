package uk.mash.console.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.mash.console.signin.NotSignedIn;

/**
 * A service's answer as a page needs it: the status, and the JSON body (the resource, or an RFC 9457
 * problem with its {@code violations}) as maps and lists that a template reads by field name.
 */
@io.quarkus.qute.TemplateData
public record Answer(int status, Map<String, Object> body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Answer of(Response response) {
        try (response) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            Map<String, Object> body = new LinkedHashMap<>();
            if (!text.isBlank()) {
                try {
                    Object parsed = JSON.readValue(text, Object.class);
                    if (parsed instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> body.put(String.valueOf(k), v));
                    } else if (parsed instanceof List<?> list) {
                        body.put("items", list); // an answer that is a JSON array (audit's events)
                    }
                } catch (JsonProcessingException e) {
                    body.put("detail", "The service answered something that is not JSON (status " + response.getStatus() + ")");
                }
            }
            return new Answer(response.getStatus(), body);
        }
    }

    /** The answer to a call made as the signed-in person; {@link NotSignedIn} (back to sign-in) when the token is no longer accepted. */
    public static Answer asSignedIn(Response response) {
        Answer answer = of(response);
        if (answer.signedOut()) {
            throw new NotSignedIn();
        }
        return answer;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** 401: the session's token is no longer accepted (expired, or the key changed). */
    public boolean signedOut() {
        return status == 401;
    }

    /** The problem's {@code violations}: field and message, in the service's order. */
    public List<Map<String, Object>> violations() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (body.get("violations") instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Map<?, ?> m) {
                    Map<String, Object> violation = new LinkedHashMap<>();
                    m.forEach((k, value) -> violation.put(String.valueOf(k), value));
                    out.add(violation);
                }
            }
        }
        return out;
    }

    /** The problem's {@code detail}, else its {@code title}. */
    public String detail() {
        Object detail = body.get("detail");
        return detail != null ? String.valueOf(detail) : String.valueOf(body.getOrDefault("title", "The service refused"));
    }

    /** A list field of the body ({@code items}), empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String field) {
        return body.get(field) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
