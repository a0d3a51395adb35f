package uk.mash.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.mash.console.services.Answer;
import uk.mash.console.services.AuditApi;
import uk.mash.console.signin.NotSignedIn;
import uk.mash.console.signin.Person;
import uk.mash.console.signin.SignedIn;

/**
 * The auditor's pages: the log's integrity and the cases recently read ({@code /audit}), and one
 * case's history ({@code /audit/cases/{caseId}}): the case as it stood at the instant "As of" names,
 * its event timeline, the integrity status, and "Who read this case". Audit records this reading too.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    @Inject
    Template audit;

    @Inject
    Template auditCase;

    @Inject
    SignedIn signedIn;

    @RestClient
    AuditApi auditApi;

    @GET
    public Response start(@QueryParam("caseId") String caseId) {
        Person person = signedIn.required();
        if (caseId != null && isUuid(caseId.trim())) {
            return Response.seeOther(URI.create("/audit/cases/" + caseId.trim())).build();
        }
        Answer integrity = read(auditApi.integrity());
        Answer reads = read(auditApi.accessLog(null, null));
        // the cases most recently read, newest first, each once
        Map<String, Map<String, Object>> recent = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>(reads.list("items"));
        java.util.Collections.reverse(all);
        for (Map<String, Object> read : all) {
            Object id = read.get("caseId");
            if (id != null && recent.size() < 25) {
                recent.putIfAbsent(String.valueOf(id), read);
            }
        }
        return Response.ok(audit.data("person", person).data("nav", "audit").data("integrity", integrity)
                .data("recent", List.copyOf(recent.values())).data("unknown", caseId != null)).build();
    }

    @GET
    @Path("cases/{caseId}")
    public Response show(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf) {
        Person person = signedIn.required();
        if (!isUuid(caseId)) {
            return Response.seeOther(URI.create("/audit?caseId=")).build();
        }
        String instant = null;
        String asOfError = null;
        if (asOf != null && !asOf.isBlank()) {
            instant = instant(asOf.trim());
            if (instant == null) {
                asOfError = "must be a date and time, like 2026-12-01T14:05";
            }
        }
        Answer state = read(auditApi.caseState(caseId, instant));
        Answer events = read(auditApi.caseEvents(caseId));
        Answer integrity = read(auditApi.integrity());
        Answer reads = read(auditApi.accessLog(caseId, null));
        // each event marked when it came after the instant shown, so the auditor sees where "As of" falls
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Map<String, Object> event : events.list("items")) {
            Map<String, Object> e = new LinkedHashMap<>(event);
            e.put("later", instant != null && after(e.get("recordedAt"), instant));
            timeline.add(e);
        }
        return Response.ok(auditCase.data("person", person).data("nav", "audit").data("caseId", caseId)
                .data("asOf", instant == null ? "" : instant).data("asOfInput", instant == null ? "" : Formats.localInput(instant))
                .data("asOfError", asOfError).data("state", state).data("caseView", state.ok() ? state.body() : Map.of())
                .data("timeline", timeline).data("integrity", integrity).data("reads", reads.list("items"))).build();
    }

    /** An "As of" value: an instant, or a datetime-local control's value in UK time (seconds optional). */
    static String instant(String value) {
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).atZone(Formats.UK).toInstant().toString();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static boolean after(Object recordedAt, String instant) {
        try {
            return Instant.parse(String.valueOf(recordedAt)).isAfter(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Answer read(jakarta.ws.rs.core.Response response) {
        Answer answer = Answer.of(response);
        if (answer.signedOut()) {
            throw new NotSignedIn();
        }
        return answer;
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
