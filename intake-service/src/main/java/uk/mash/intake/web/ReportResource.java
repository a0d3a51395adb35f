package uk.mash.intake.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
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
import uk.mash.contracts.Consent;
import uk.mash.contracts.Rag;
import uk.mash.intake.report.ReportDraft;
import uk.mash.intake.report.ReportIntake;
import uk.mash.intake.report.SubmissionKey;
import uk.mash.intake.store.ReportStore;
import uk.mash.intake.store.StoredReport;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Safeguarding reports (contacts) from referrers, police systems and screeners "
        + "taking a report by phone: each gets a reference at once, and its referrer can follow it to the outcome.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportIntake intake;

    @Inject
    ReportStore reports;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper mapper;

    @POST
    @RolesAllowed({Roles.REFERRER, Roles.POLICE_SYSTEM, Roles.SCREENER})
    @Operation(summary = "Submit a report",
            description = "For a referrer, a police system or a screener. Validates the report, gives it a reference "
                    + "(MASH-YYYY-NNNNNN) and stores it for screening; a 202 means it is stored for good, even while "
                    + "the event stream is away. A referrer or police system reports for its own agency: "
                    + "`referrer.agency` must be its token's (422 otherwise); a screener recording a phone report may "
                    + "name any agency and is recorded as the one who took it. At least one CHILD or ADULT_AT_RISK; a "
                    + "CHILD is under 18 on the report date; no date in the future; an NHS number passes its "
                    + "modulus-11 check. `immediateRisk: true` rates the case RED from the start.\n\n"
                    + "Idempotent with `Idempotency-Key`: the same key and body again answer 200 with the first "
                    + "answer and nothing is stored or published twice; the same key with another body is 409. Keys "
                    + "are the caller's own (the token's `sub`): another caller's same key is another report.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
            description = "Any text up to 200 characters the caller chooses per report, to retry safely",
            example = "d2f1a4c8-7e3b-4f0a-9c6d-5b8e2a1f0c3d")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportRequest.class), examples = {
                    @ExampleObject(name = "school", summary = "A school's designated safeguarding lead, online",
                            value = ApiExamples.SCHOOL_REPORT),
                    @ExampleObject(name = "anonymous", summary = "A member of the public, by phone, taken by a screener",
                            value = ApiExamples.ANONYMOUS_REPORT)}))
    @APIResponse(responseCode = "202", description = "Accepted and stored; screening follows",
            headers = @Header(name = "Location", description = "Where its status can be read",
                    schema = @Schema(type = SchemaType.STRING, examples = "/api/v1/reports/5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                    examples = @ExampleObject(name = "accepted", value = ApiExamples.ACCEPTED)))
    @APIResponse(responseCode = "200", description = "A repeat (same Idempotency-Key, same body): the first answer again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                    examples = @ExampleObject(name = "repeat", value = ApiExamples.ACCEPTED)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was already used by this caller with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "idempotency-key-reused", value = ApiExamples.KEY_REUSED)))
    @APIResponse(responseCode = "422", description = "Breaks a rule of the report (see above), or names another agency "
            + "than the token's; `violations` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "agency-not-the-tokens", value = ApiExamples.AGENCY_NOT_THE_TOKENS)))
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @NotNull(message = "a report body is required") @Valid ReportRequest report,
                           @Context SecurityContext security) {
        Caller caller = Caller.of(token);
        // a referrer or police system reports for its own agency; a screener taking a phone
        // report may name the caller's, and is recorded as the one who took it
        if (!security.isUserInRole(Roles.SCREENER) && report.referrer().agency() != caller.agency()) {
            throw ProblemException.unprocessable("referrer.agency", "must be the agency your token names");
        }
        Optional<SubmissionKey> key = Optional.ofNullable(Parameters.text("Idempotency-Key", idempotencyKey, 200))
                .map(k -> SubmissionKey.idempotencyKey(caller.sub(), k, RequestHash.of(mapper, report)));
        boolean immediateRisk = Boolean.TRUE.equals(report.immediateRisk());
        ReportDraft draft = new ReportDraft(report.referrer().toReferrer(), report.channel(), report.concerns(),
                report.summary(), immediateRisk, report.incidentDate(),
                report.consent() == null ? Consent.NOT_SOUGHT : report.consent(),
                report.subjects().stream().map(SubjectRequest::toSubject).toList(),
                immediateRisk ? Rag.RED : null, null);
        return ReportResponses.accepted(intake.submit(caller.actor(), draft, key));
    }

    /** The referrer's feedback: their own reports only (others' are "not found", not "forbidden"). */
    @GET
    @Path("/{reportId}")
    @RolesAllowed({Roles.REFERRER, Roles.POLICE_SYSTEM, Roles.SCREENER})
    @Operation(summary = "Read where a report stands",
            description = "The referrer's feedback: RECEIVED, then SCREENING (with the case's reference) once a case "
                    + "opened for it or linked it, then DECIDED with the outcome standing now. Nothing of the case "
                    + "beyond its reference and outcome. A referrer or police system reads only the reports it sent "
                    + "(another's is 404, so its existence is not revealed); a screener reads any.")
    @APIResponse(responseCode = "200", description = "Where the report stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                    examples = {@ExampleObject(name = "received", value = ApiExamples.ACCEPTED),
                            @ExampleObject(name = "decided", value = ApiExamples.DECIDED)}))
    @APIResponse(responseCode = "404", description = "No such report, or one this caller did not send")
    public ReportResponse status(@PathParam("reportId") UUID reportId, @Context SecurityContext security) {
        StoredReport report = reports.find(reportId)
                .filter(r -> security.isUserInRole(Roles.SCREENER) || r.submittedBySub().equals(token.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("Report " + reportId));
        return new ReportResponse(report.reportId(), report.reference(), report.receivedAt(), report.status(),
                report.caseReference(), report.outcome());
    }
}
