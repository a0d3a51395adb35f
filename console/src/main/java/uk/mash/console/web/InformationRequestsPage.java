package uk.mash.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import uk.mash.console.services.Answer;
import uk.mash.console.services.ScreeningApi;
import uk.mash.console.signin.Person;
import uk.mash.console.signin.SignedIn;

/**
 * An agency's information requests: what other agencies' screeners asked it, soonest due first, each
 * open one with an "Answer" form (Summary, Legal basis) and a "Decline" form (Reason). A screener
 * sees their own agency's; a manager may choose any agency (screening decides who sees what).
 */
@Path("/information-requests")
@Produces(MediaType.TEXT_HTML)
public class InformationRequestsPage {

    private static final Set<String> STATUSES = Set.of("OPEN", "ANSWERED", "DECLINED");
    static final Map<String, String[]> ANSWER_FIELDS = FormErrors.labels(
            "summary", "Summary", "summary",
            "legalBasis", "Legal basis", "legal-basis");
    static final Map<String, String[]> DECLINE_FIELDS = FormErrors.labels("reason", "Reason", "reason");

    @Inject
    Template informationRequests;

    @Inject
    SignedIn signedIn;

    @RestClient
    ScreeningApi screening;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("agency") String agency,
                                 @QueryParam("done") String done) {
        return page(signedIn.required(), status, agency, done, null, Map.of());
    }

    @POST
    @Path("{caseId}/{requestId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("caseId") String caseId, @PathParam("requestId") String requestId,
                           @RestForm String summary, @RestForm String legalBasis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", summary);
        body.put("legalBasis", legalBasis == null || legalBasis.isBlank() ? null : legalBasis);
        return act(caseId, requestId, "answer", ANSWER_FIELDS, body, "answered");
    }

    @POST
    @Path("{caseId}/{requestId}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("caseId") String caseId, @PathParam("requestId") String requestId,
                            @RestForm String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        return act(caseId, requestId, "decline", DECLINE_FIELDS, body, "declined");
    }

    private Response act(String caseId, String requestId, String form, Map<String, String[]> fields,
                         Map<String, Object> entered, String done) {
        Person person = signedIn.required();
        if (!Uuids.valid(caseId) || !Uuids.valid(requestId)) {
            return Response.status(404).build();
        }
        Answer answer = Answer.asSignedIn(screening.reply(caseId, requestId, form, entered));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/information-requests?done=" + done)).build();
        }
        // the control ids are per request: answer-<requestId>-summary
        Map<String, String[]> labels = new LinkedHashMap<>();
        fields.forEach((field, shown) -> labels.put(field, new String[]{shown[0], form + "-" + requestId + "-" + shown[1]}));
        FormErrors errors = FormErrors.of(form + "-" + requestId, answer, labels);
        return Response.ok(page(person, null, null, null, errors, entered)).build();
    }

    private TemplateInstance page(Person person, String status, String agency, String done, FormErrors errors,
                                  Map<String, Object> entered) {
        // OPEN unless asked otherwise; ALL (or anything else) is every status
        String s = status == null ? "OPEN" : STATUSES.contains(status) ? status : null;
        String a = person.role().equals("manager") && agency != null && CasePage.AGENCIES.contains(agency) ? agency : null;
        Answer answer = Answer.asSignedIn(screening.informationRequests(a, s, null, 0, 100));
        Map<String, Object> typed = new LinkedHashMap<>(Map.of("summary", "", "legalBasis", "", "reason", ""));
        entered.forEach((k, v) -> typed.put(k, v == null ? "" : v));
        return informationRequests.data("person", person).data("nav", "information-requests")
                .data("answer", answer).data("items", answer.list("items"))
                .data("total", answer.body().getOrDefault("total", 0))
                .data("status", s == null ? "" : s).data("agency", a == null ? "" : a).data("done", done)
                .data("errors", errors == null ? FormErrors.none("") : errors)
                .data("entered", typed).data("agencies", CasePage.AGENCIES).data("legalBases", CasePage.LEGAL_BASES)
                .data("manager", person.role().equals("manager"));
    }
}
