package uk.mash.screening.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.mash.contracts.Agency;
import uk.mash.screening.api.AnswerInformationRequest;
import uk.mash.screening.api.DeclineInformationRequest;
import uk.mash.screening.api.RequestInformation;
import uk.mash.screening.application.ScreenerDesk;
import uk.mash.screening.command.InformationDeadlines;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * Requests for information between agencies on a case: the screener asks, each agency's own screener
 * answers or declines. Each change answers with the case after it ({@link CaseAnswers}); the 200, 404,
 * 409 and 412 of every change are described once, by {@link CaseChangeResponses}.
 */
@Path("/api/v1/cases/{caseId}/information-requests")
@Tag(name = "Information requests", description = "The multi-agency checks: a screener asks other agencies what "
        + "they know about the people of a case; each agency's own screener answers from its records, or declines, "
        + "by a due time set by the case's risk rating (RED 2 h, AMBER 6 h, GREEN 24 h by default; an unrated case "
        + "counts as AMBER).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InformationRequestResource {


    @Inject
    ScreenerDesk desk;

    @Inject
    CaseAnswers answers;

    @Inject
    InformationDeadlines deadlines;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed({Roles.SCREENER, Roles.MANAGER})
    @Operation(summary = "Ask other agencies what they know",
            description = "For a screener or a manager: one request per agency named, due by `requestedAt` plus the "
                    + "limit of the case's current rating (recomputed when the case is rated again). When the case's "
                    + "consent is not GIVEN, `consentOverride` must say why sharing without consent is justified. "
                    + "Answers with the case after the change; that read is recorded.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = CaseAnswers.IF_MATCH_MEANS, example = "\"3\"")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestInformationRequest.class), examples = {
                    @ExampleObject(name = "three-agencies", value = ApiExamples.REQUEST_INFORMATION)}))
    @APIResponse(responseCode = "422", description = "No agencies, an unknown agency or one named twice, no question; "
            + "or the case's consent is not GIVEN and no consentOverride says why sharing without it is justified",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no-consent-override", value = ApiExamples.NO_CONSENT_OVERRIDE)))
    public Response request(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid RequestInformationRequest request) {
        long version = desk.requestInformation(new RequestInformation(caseId, agencies(request.agencies()),
                request.question(), request.consentOverride(), Caller.of(token).actor(), clock.instant(), deadlines,
                CaseAnswers.expectedVersion(ifMatch)));
        return answers.afterChange(caseId, version, "POST /api/v1/cases/{caseId}/information-requests");
    }

    @POST
    @Path("/{requestId}/answer")
    @RolesAllowed(Roles.SCREENER)
    @Operation(summary = "Answer a request to your agency",
            description = "For a screener of the agency asked (any other caller: 403): what your agency knows, on a "
                    + "legal basis; \"nothing known\" is an answer. The answer joins the case's agency information "
                    + "with its `requestId`. A request that is not OPEN: 409. Answers with the case after the change.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = CaseAnswers.IF_MATCH_MEANS, example = "\"5\"")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswerInformationRequestRequest.class), examples = {
                    @ExampleObject(name = "health-answers", value = ApiExamples.ANSWER)}))
    @APIResponse(responseCode = "422", description = "No summary or no legal basis; or CONSENT as the legal basis on a "
            + "case whose consent is not GIVEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "consent-not-given", value = ApiExamples.CONSENT_NOT_GIVEN)))
    public Response answer(@PathParam("caseId") UUID caseId, @PathParam("requestId") UUID requestId,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AnswerInformationRequestRequest request) {
        long version = desk.answer(new AnswerInformationRequest(caseId, requestId, Caller.of(token).actor(),
                request.legalBasis(), request.summary(), clock.instant(), CaseAnswers.expectedVersion(ifMatch)));
        return answers.afterChange(caseId, version, "POST /api/v1/cases/{caseId}/information-requests/{requestId}/answer");
    }

    @POST
    @Path("/{requestId}/decline")
    @RolesAllowed(Roles.SCREENER)
    @Operation(summary = "Decline a request to your agency",
            description = "For a screener of the agency asked (any other caller: 403): your agency will not share, "
                    + "and says why. A request that is not OPEN: 409. Answers with the case after the change.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = CaseAnswers.IF_MATCH_MEANS, example = "\"5\"")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeclineInformationRequestRequest.class), examples = {
                    @ExampleObject(name = "no-records", value = ApiExamples.DECLINE)}))
    @APIResponse(responseCode = "422", description = "No reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no-reason", value = ApiExamples.NO_REASON)))
    public Response decline(@PathParam("caseId") UUID caseId, @PathParam("requestId") UUID requestId,
                            @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid DeclineInformationRequestRequest request) {
        long version = desk.decline(new DeclineInformationRequest(caseId, requestId, Caller.of(token).actor(),
                request.reason(), clock.instant(), CaseAnswers.expectedVersion(ifMatch)));
        return answers.afterChange(caseId, version, "POST /api/v1/cases/{caseId}/information-requests/{requestId}/decline");
    }

    /** The agencies named, each one of CONTRACT.md's; an unknown name is a broken rule naming its place. */
    private static List<Agency> agencies(List<String> names) {
        List<Agency> agencies = new ArrayList<>();
        if (names == null) {
            return agencies;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                agencies.add(Agency.valueOf(name == null ? "" : name));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.unprocessable("agencies[" + i + "]", "must be one of CONTRACT.md's agencies");
            }
        }
        return agencies;
    }
}
