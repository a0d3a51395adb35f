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
import uk.mash.contracts.Consent;
import uk.mash.contracts.Rag;
import uk.mash.intake.report.ReportDraft;
import uk.mash.intake.report.ReportIntake;
import uk.mash.intake.report.SubmissionKey;
import uk.mash.intake.store.ReportStore;
import uk.mash.intake.store.StoredReport;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

@Path("/api/v1/reports")
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
    public ReportResponse status(@PathParam("reportId") UUID reportId, @Context SecurityContext security) {
        StoredReport report = reports.find(reportId)
                .filter(r -> security.isUserInRole(Roles.SCREENER) || r.submittedBySub().equals(token.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("Report " + reportId));
        return new ReportResponse(report.reportId(), report.reference(), report.receivedAt(), report.status(),
                report.caseReference(), report.outcome());
    }
}
