package uk.mash.intake.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Consent;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Referrer;
import uk.mash.intake.report.ReportDate;
import uk.mash.intake.report.ReportDraft;
import uk.mash.intake.report.ReportIntake;
import uk.mash.intake.report.SubmissionKey;
import uk.mash.support.problem.Problem;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * Police notifications become reports with channel POLICE_NOTIFICATION (the mapping is in the
 * README). Police systems retry, so the same notification from the same system (the token's
 * {@code sub}) is one report; the report's referrer is the officer, for the system's agency.
 */
@Path("/api/v1/police/notifications")
@Tag(name = "Police notifications", description = "Incident notifications pushed by police systems (in Wales a Public "
        + "Protection Notice): each becomes a report with channel POLICE_NOTIFICATION.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PoliceNotificationResource {

    @Inject
    ReportIntake intake;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.POLICE_SYSTEM)
    @Operation(summary = "Send a police notification",
            description = "For a police system only. The notification becomes a report with channel "
                    + "POLICE_NOTIFICATION, for the token's agency, the officer as referrer and the force as "
                    + "organisation; its persons become subjects (CHILD_PRESENT and CHILD_VICTIM a CHILD; ADULT_AT_RISK "
                    + "an ADULT_AT_RISK; a VICTIM a CHILD when a date of birth shows under 18, otherwise an ADULT_AT_RISK; "
                    + "SUSPECT an ALLEGED_PERPETRATOR; WITNESS and OTHER an OTHER_HOUSEHOLD_MEMBER). At least one of "
                    + "them is a child or an adult at risk. riskGrade HIGH rates its case RED, whether it opens the "
                    + "case or joins one (a police grade never lowers a screener's rating).\n\n"
                    + "Idempotent by `notificationId` per sending system (the token's `sub`): a retry answers 200 with "
                    + "the first answer and makes no second report; another system's same `notificationId` is another "
                    + "report. A repeat whose body differs is 409: send a correction as a new notification.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PoliceNotificationRequest.class),
            examples = @ExampleObject(name = "domestic-incident", summary = "A HIGH-graded domestic incident, children present",
                    value = ApiExamples.POLICE_NOTIFICATION)))
    @APIResponse(responseCode = "202", description = "Accepted and stored as a report; screening follows",
            headers = @Header(name = "Location", description = "Where the report's status can be read",
                    schema = @Schema(type = SchemaType.STRING, examples = "/api/v1/reports/5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                    examples = @ExampleObject(name = "accepted", value = ApiExamples.ACCEPTED)))
    @APIResponse(responseCode = "200", description = "A repeat of a notification this system already sent: the first answer again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                    examples = @ExampleObject(name = "repeat", value = ApiExamples.ACCEPTED)))
    @APIResponse(responseCode = "409", description = "This system already sent this notificationId with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "idempotency-key-reused", value = ApiExamples.NOTIFICATION_ID_REUSED)))
    @APIResponse(responseCode = "422", description = "Breaks a rule (no child or adult at risk among the persons, a date "
            + "in the future, an NHS number that fails its check, a control character in a text); `violations` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no-person-at-risk", value = ApiExamples.NO_PERSON_AT_RISK)))
    public Response notify(@NotNull(message = "a notification body is required") @Valid PoliceNotificationRequest notification) {
        Caller caller = Caller.of(token);
        LocalDate reportDate = ReportDate.today(clock);
        PoliceReference police = new PoliceReference(notification.notificationId().trim(), notification.force().trim(),
                notification.occurrenceNumber(), notification.officer() == null ? null : notification.officer().toOfficer(),
                notification.incidentAt(), notification.riskGrade());
        Referrer referrer = new Referrer(notification.officer() == null ? null : notification.officer().name(),
                "Police officer", notification.force().trim(), caller.agency(), null, null);
        ReportDraft draft = new ReportDraft(referrer, Channel.POLICE_NOTIFICATION, notification.concerns(),
                notification.summary(), false,
                notification.incidentAt() == null ? null : ReportDate.of(notification.incidentAt()),
                // police share under their own duty; consent is for the MASH to seek if safe
                Consent.NOT_SOUGHT,
                notification.persons().stream().map(p -> p.toSubject(reportDate)).toList(),
                notification.riskGrade() == PoliceRiskGrade.HIGH ? Rag.RED : null,
                police);
        SubmissionKey key = SubmissionKey.policeNotification(caller.sub(), notification.notificationId(),
                RequestHash.of(mapper, notification));
        return ReportResponses.accepted(intake.submit(caller.actor(), draft, Optional.of(key)));
    }
}
