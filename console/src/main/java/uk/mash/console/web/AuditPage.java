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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.mash.console.services.Answer;
import uk.mash.console.services.AuditApi;
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

    /** The type prefix of the access log's case reads, which audit lists among a case's events. */
    private static final String READ_EVENTS = "mash.access.";

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
        if (caseId != null && Uuids.valid(caseId.trim())) {
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
    public Response show(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf, @Context UriInfo uri) {
        Person person = signedIn.required();
        if (!Uuids.valid(caseId)) {
            return Response.seeOther(URI.create("/audit?caseId=")).build();
        }
        // "As of" typed into the date input, or an instant from an "As of this event" link
        DateInput typed = DateInput.typed(uri.getQueryParameters(), "as-of", "As of");
        List<FormErrors.FieldError> wrong = new ArrayList<>();
        String instant = null;
        if (!typed.blank()) {
            LocalDate day = typed.date(wrong);
            LocalTime time = typed.timeOfDay(wrong);
            instant = wrong.isEmpty() ? day.atTime(time).atZone(Formats.UK).toInstant().toString() : null;
        } else if (asOf != null && !asOf.isBlank()) {
            instant = instant(asOf.trim());
            if (instant == null) {
                wrong.add(new FormErrors.FieldError("as-of", "As of", "must be a real date and time", "#as-of-day"));
            }
        }
        DateInput shown = typed;
        if (instant != null) {
            LocalDateTime local = Instant.parse(instant).atZone(Formats.UK).toLocalDateTime();
            shown = DateInput.showing("as-of", "As of", local.toLocalDate(), local.toLocalTime());
        }
        Answer state = read(auditApi.caseState(caseId, instant));
        Answer events = read(auditApi.caseEvents(caseId));
        Answer integrity = read(auditApi.integrity());
        Answer reads = read(auditApi.accessLog(caseId, null));
        // the case's own events, each marked when it came after the instant shown (so the auditor sees
        // where "As of" falls); its reads are under "Who read this case", not crowding its story
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Map<String, Object> event : events.list("items")) {
            if (String.valueOf(event.get("type")).startsWith(READ_EVENTS)) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>(event);
            e.put("later", instant != null && after(e.get("recordedAt"), instant));
            timeline.add(e);
        }
        return Response.ok(auditCase.data("person", person).data("nav", "audit").data("caseId", caseId)
                .data("asOf", instant == null ? "" : instant).data("asOfInput", shown)
                .data("errors", wrong.isEmpty() ? FormErrors.none("as-of") : new FormErrors("as-of", "The time is not valid", wrong))
                .data("state", state).data("caseView", state.ok() ? state.body() : Map.of())
                .data("timeline", timeline).data("integrity", integrity).data("reads", reads.list("items"))).build();
    }

    /** An "As of this event" link's instant (or a date and time without zone, taken as UK time). */
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

    private static Answer read(Response response) {
        return Answer.asSignedIn(response);
    }
}
