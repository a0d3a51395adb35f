package uk.mash.screening.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.outbox.CaseReads;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;
import uk.mash.screening.application.ScreenerDesk;
import uk.mash.screening.command.InformationDeadlines;
import uk.mash.screening.query.CaseView;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.screening.query.Page;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * The screener's API. Every read of a case is recorded. A POST answers with the case as it stands
 * after the change ({@link CaseAnswers}); the 200, 404, 409 and 412 every change shares are described
 * once, by {@link CaseChangeResponses}.
 */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "The screeners' cases: each report opens a case, or joins the open case of a "
        + "person in it; screeners share what their agency knows, rate the risk (RAG) and record a decision within "
        + "one working day. Every read of a case is recorded in the audit log.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.MANAGER})
public class CaseResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    /** The statuses a case list may be filtered by. */
    enum CaseStatus { AWAITING_DECISION, DECIDED }

    @Inject
    CaseViewStore views;

    @Inject
    ScreenerDesk desk;

    @Inject
    CaseReads accessLog;

    @Inject
    CaseAnswers answers;

    @Inject
    InformationDeadlines deadlines;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    private static final String WHO_AND_AFTER = "For a screener or a manager. The agency and the person recorded come "
            + "from the token. Answers with the case as it stands after the change (its ETag the new version); "
            + "that read is recorded. ";
    private static final String NO_SUCH_CASE = "No such case";

    @GET
    @Transactional
    @Operation(summary = "List cases, soonest decision first",
            description = "For a screener or a manager: a page of cases sorted by `decisionDueBy`, soonest first, each "
                    + "with its status, RAG, whether it is overdue or a re-referral, its concerns and its subjects. "
                    + "Filter by `status`, `rag` and `overdue=true`; a value outside those allowed is 400. Every case "
                    + "listed is recorded as read by the caller.")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "AWAITING_DECISION or DECIDED",
            schema = @Schema(enumeration = {"AWAITING_DECISION", "DECIDED"}), example = "AWAITING_DECISION")
    @Parameter(name = "rag", in = ParameterIn.QUERY, description = "RED, AMBER or GREEN",
            schema = @Schema(enumeration = {"RED", "AMBER", "GREEN"}), example = "RED")
    @Parameter(name = "overdue", in = ParameterIn.QUERY, description = "true: only cases past `decisionDueBy` with no decision",
            schema = @Schema(type = SchemaType.BOOLEAN), example = "true")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "From 0", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "0", defaultValue = "0"), example = "0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "Cases per page, 1 to 500",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"), example = "50")
    @APIResponse(responseCode = "200", description = "A page of cases and how many match in all",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseListResponse.class),
                    examples = @ExampleObject(name = "one-red-case", value = ApiExamples.CASE_LIST)))
    public CaseListResponse list(@QueryParam("status") String status, @QueryParam("rag") String rag,
                         @QueryParam("overdue") String overdue, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        CaseStatus wanted = Parameters.oneOf("status", status, CaseStatus.class);
        Page<CaseView> found = views.list(wanted == null ? null : wanted.name(), Parameters.oneOf("rag", rag, Rag.class),
                Parameters.flag("overdue", overdue), Parameters.page(page), Parameters.pageSize(size, DEFAULT_PAGE_SIZE));
        accessLog.record(Caller.of(token), "GET /api/v1/cases", found.items().stream().map(v -> v.caseId).toList());
        return new CaseListResponse(found.items().stream().map(CaseListResponse.Item::of).toList(), found.total());
    }

    @GET
    @Path("/{caseId}")
    @Transactional
    @Operation(summary = "Read a case",
            description = "For a screener or a manager: the whole case (its reports, subjects, concerns, agency "
                    + "information, risk ratings and decision), with `ETag: \"<version>\"` to send back as `If-Match` "
                    + "with a change. The read is recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "The case",
            headers = @Header(name = "ETag", description = "The case's version, quoted",
                    schema = @Schema(type = SchemaType.STRING, examples = "\"3\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "red-case", value = ApiExamples.CASE)))
    @APIResponse(responseCode = "404", description = NO_SUCH_CASE)
    public Response get(@PathParam("caseId") UUID caseId) {
        CaseView view = views.find(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        return answers.answer(view, "GET /api/v1/cases/{caseId}");
    }

    @POST
    @Path("/{caseId}/agency-information")
    @Operation(summary = "Share what an agency knows", description = WHO_AND_AFTER + "Adds what the caller's agency knows about the case, on a legal basis: CONSENT, SAFEGUARDING_WITHOUT_CONSENT (asking would put someone at risk) or LEGAL_DUTY.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = CaseAnswers.IF_MATCH_MEANS, example = "\"3\"")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AddAgencyInformationRequest.class), examples = {
                    @ExampleObject(name = "health-visitor", value = ApiExamples.AGENCY_INFORMATION)}))
    @APIResponse(responseCode = "422", description = "No summary or no legal basis",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "nothing-shared", value = ApiExamples.NOTHING_SHARED)))
    public Response addAgencyInformation(@PathParam("caseId") UUID caseId,
                                         @HeaderParam("If-Match") String ifMatch,
                                         @NotNull @Valid AddAgencyInformationRequest request) {
        long version = desk.addAgencyInformation(new AddAgencyInformation(caseId, Caller.of(token).actor(),
                request.legalBasis(), request.summary(), clock.instant(), CaseAnswers.expectedVersion(ifMatch)));
        return answers.afterChange(caseId, version, "POST /api/v1/cases/{caseId}/agency-information");
    }

    @POST
    @Path("/{caseId}/risk-rating")
    @Operation(summary = "Rate the risk (RAG)", description = WHO_AND_AFTER + "Rates the case RED, AMBER or GREEN with a rationale; the latest rating is the case's `rag`. The rating sets how fast agencies must share information.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = CaseAnswers.IF_MATCH_MEANS, example = "\"3\"")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RiskRatingRequest.class), examples = {
                    @ExampleObject(name = "red", value = ApiExamples.RISK_RATING)}))
    @APIResponse(responseCode = "422", description = "No rationale, or a rating that is not RED, AMBER or GREEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no-rationale", value = ApiExamples.NO_RATIONALE)))
    public Response rateRisk(@PathParam("caseId") UUID caseId,
                             @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid RiskRatingRequest request) {
        long version = desk.rateRisk(new RateRisk(caseId, request.rag(), request.rationale(), Caller.of(token).actor(),
                clock.instant(), deadlines, CaseAnswers.expectedVersion(ifMatch)));
        return answers.afterChange(caseId, version, "POST /api/v1/cases/{caseId}/risk-rating");
    }

    @POST
    @Path("/{caseId}/decision")
    @Operation(summary = "Record the decision", description = WHO_AND_AFTER + "Records the outcome with its rationale. `routes` may be left out: the routes the outcome needs for the case's subjects are used; given, they must include those. A decision is never edited: a later one supersedes it, with `supersedesReason`. Each decision is routed to the receiving teams' queues.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = CaseAnswers.IF_MATCH_MEANS, example = "\"3\"")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class), examples = {
                    @ExampleObject(name = "strategy-discussion", value = ApiExamples.DECISION),
                    @ExampleObject(name = "superseding", summary = "A later decision superseding the first", value = ApiExamples.SUPERSEDING_DECISION)}))
    @APIResponse(responseCode = "422", description = "A RED case closed as NO_FURTHER_ACTION or INFORMATION_AND_ADVICE; routes the outcome needs left out; no rationale; a second decision without supersedesReason",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "red-cannot-be-closed", value = ApiExamples.RED_CANNOT_CLOSE)))
    public Response recordDecision(@PathParam("caseId") UUID caseId,
                                   @HeaderParam("If-Match") String ifMatch,
                                   @NotNull @Valid DecisionRequest request) {
        Set<Route> routes = request.routes() == null ? null : Set.copyOf(request.routes());
        long version = desk.recordDecision(new RecordDecision(caseId, UUID.randomUUID(), request.outcome(), routes,
                request.rationale(), request.supersedesReason(), Caller.of(token).actor(), clock.instant(),
                CaseAnswers.expectedVersion(ifMatch)));
        return answers.afterChange(caseId, version, "POST /api/v1/cases/{caseId}/decision");
    }
}
