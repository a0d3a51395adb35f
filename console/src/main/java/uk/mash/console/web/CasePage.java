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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import uk.mash.console.services.Answer;
import uk.mash.console.services.ScreeningApi;
import uk.mash.console.signin.Person;
import uk.mash.console.signin.SignedIn;

/**
 * The case page: what screening knows of one case, and the screener's four actions on it. Each action
 * sends {@code If-Match} with the version the page showed, so a case that changed meanwhile is
 * reported (412), not overwritten; a refusal shows the page again with the service's violations.
 */
@Path("/cases/{caseId}")
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    /**
     * One of the page's forms: its name in the page, the screening command it sends, the service's
     * field names → the label and control id the form shows, and the success banner it leads to.
     */
    record CaseForm(String name, String command, Map<String, String[]> fields, String done) {
    }

    static final CaseForm RATE = new CaseForm("rate", "risk-rating", FormErrors.labels(
            "rag", "RAG", "rating-rag",
            "rationale", "Rationale", "rating-rationale"), "rated");
    static final CaseForm SHARE = new CaseForm("share", "agency-information", FormErrors.labels(
            "summary", "Summary", "share-summary",
            "legalBasis", "Legal basis", "share-legal-basis"), "shared");
    static final CaseForm REQUEST = new CaseForm("request", "information-requests", FormErrors.labels(
            "agencies", "Agencies", "request-agencies",
            "question", "Question", "request-question",
            "consentOverride", "Why share without consent", "request-consent-override"), "requested");
    static final CaseForm DECIDE = new CaseForm("decide", "decision", FormErrors.labels(
            "outcome", "Outcome", "decision-outcome",
            "rationale", "Rationale", "decision-rationale",
            "routes", "Outcome", "decision-outcome",
            "supersedesReason", "Why this decision supersedes the last", "decision-supersedes-reason"), "decided");

    /** The outcomes of DOMAIN.md, in its order. */
    static final List<String> OUTCOMES = List.of("NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP",
            "CARE_AND_SUPPORT_ASSESSMENT", "CHILD_PROTECTION_STRATEGY", "ADULT_SAFEGUARDING_ENQUIRY",
            "PROFESSIONAL_CONCERNS", "POLICE_INVESTIGATION");
    /** The agencies of CONTRACT.md that may be asked. */
    static final List<String> AGENCIES = List.of("CHILDRENS_SERVICES", "ADULT_SERVICES", "MENTAL_HEALTH", "POLICE",
            "HEALTH", "EDUCATION", "PROBATION", "HOUSING", "YOUTH_JUSTICE", "VOLUNTARY_SECTOR");
    static final List<String> LEGAL_BASES = List.of("CONSENT", "SAFEGUARDING_WITHOUT_CONSENT", "LEGAL_DUTY");

    static final List<String> RAGS = List.of("RED", "AMBER", "GREEN");

    /** What each form shows when nothing was typed into it. */
    private static final Map<String, Map<String, Object>> BLANK_FORMS = Map.of(
            "share", Map.of("summary", "", "legalBasis", ""),
            "request", Map.of("agencies", List.of(), "question", "", "consentOverride", ""),
            "rate", Map.of("rag", "", "rationale", ""),
            "decide", Map.of("outcome", "", "rationale", "", "supersedesReason", ""));

    @Inject
    Template caseDetail;

    @Inject
    Template notFound;

    @Inject
    SignedIn signedIn;

    @RestClient
    ScreeningApi screening;

    @GET
    public Response show(@PathParam("caseId") String caseId, @QueryParam("done") String done) {
        Person person = signedIn.required();
        if (!Uuids.valid(caseId)) {
            return notFound(person);
        }
        Answer answer = Answer.asSignedIn(screening.caseById(caseId));
        return page(person, caseId, answer, null, Map.of(), false, done);
    }

    @POST
    @Path("risk-rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rateRisk(@PathParam("caseId") String caseId, @RestForm String version,
                             @RestForm String rag, @RestForm String rationale) {
        return act(caseId, version, RATE, fields("rag", blankToNull(rag), "rationale", rationale));
    }

    @POST
    @Path("agency-information")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response shareInformation(@PathParam("caseId") String caseId, @RestForm String version,
                                     @RestForm String summary, @RestForm String legalBasis) {
        return act(caseId, version, SHARE, fields("summary", summary, "legalBasis", blankToNull(legalBasis)));
    }

    @POST
    @Path("information-requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestInformation(@PathParam("caseId") String caseId, @RestForm String version,
                                       @RestForm List<String> agencies, @RestForm String question,
                                       @RestForm String consentOverride) {
        return act(caseId, version, REQUEST, fields("agencies", agencies == null ? List.of() : agencies,
                "question", question, "consentOverride", blankToNull(consentOverride)));
    }

    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordDecision(@PathParam("caseId") String caseId, @RestForm String version,
                                   @RestForm String outcome, @RestForm String rationale,
                                   @RestForm String supersedesReason) {
        return act(caseId, version, DECIDE, fields("outcome", blankToNull(outcome), "rationale", rationale,
                "supersedesReason", blankToNull(supersedesReason)));
    }

    /**
     * Sends one form's command with {@code If-Match} of the version the page showed; on success back
     * to the case (POST, redirect, GET), else the case as it is now with the refusal, keeping what was typed.
     */
    private Response act(String caseId, String version, CaseForm form, Map<String, Object> entered) {
        Person person = signedIn.required();
        if (!Uuids.valid(caseId)) {
            return notFound(person);
        }
        Answer answer = Answer.asSignedIn(screening.command(caseId, form.command(), ifMatch(version), entered));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/cases/" + caseId + "?done=" + form.done())).build();
        }
        Answer now = Answer.asSignedIn(screening.caseById(caseId));
        if (answer.status() == 412) {
            return page(person, caseId, now, null, Map.of(form.name(), entered), true, null);
        }
        return page(person, caseId, now, FormErrors.of(form.name(), answer, form.fields()),
                Map.of(form.name(), entered), false, null);
    }

    /** A form's fields by name, in order, nulls kept (a field left empty is sent as null, and shown empty). */
    static Map<String, Object> fields(Object... nameAndValue) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            fields.put((String) nameAndValue[i], nameAndValue[i + 1]);
        }
        return fields;
    }

    private Response page(Person person, String caseId, Answer answer, FormErrors errors,
                          Map<String, Map<String, Object>> entered, boolean changed, String done) {
        if (answer.status() == 404 || answer.status() == 400) {
            return notFound(person);
        }
        if (!answer.ok()) {
            return Response.status(answer.status()).entity(notFound.data("person", person).data("nav", "cases")
                    .data("title", "You cannot see this case").data("detail", answer.detail())).build();
        }
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        Map<String, FormErrors> errorsOf = new LinkedHashMap<>();
        BLANK_FORMS.forEach((form, blank) -> {
            Map<String, Object> v = new LinkedHashMap<>(blank);
            entered.getOrDefault(form, Map.of()).forEach((k, value) -> v.put(k, value == null ? blank.get(k) : value));
            values.put(form, v);
            errorsOf.put(form, errors != null && errors.form().equals(form) ? errors : FormErrors.none(form));
        });
        Object consent = answer.body().get("consent");
        TemplateInstance page = caseDetail.data("person", person).data("nav", "cases")
                .data("caseView", answer.body()).data("caseId", caseId)
                .data("errors", errors).data("errorsOf", errorsOf).data("entered", values)
                .data("changed", changed).data("done", done)
                .data("requests", answer.list("informationRequests"))
                .data("consent", consent == null ? "NOT_SOUGHT" : consent)
                .data("outcomes", OUTCOMES).data("agencies", AGENCIES).data("legalBases", LEGAL_BASES)
                .data("rags", RAGS);
        return Response.ok(page).build();
    }

    private Response notFound(Person person) {
        return Response.status(404).entity(notFound.data("person", person).data("nav", "cases").data("title", "Case not found")
                .data("detail", "There is no case at this address.")).build();
    }

    /** {@code If-Match: "7"}, the ETag form screening gives and expects. */
    private static String ifMatch(String version) {
        return version == null || !version.matches("\\d{1,18}") ? null : "\"" + version + "\"";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
