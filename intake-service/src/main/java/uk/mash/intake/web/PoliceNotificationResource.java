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
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * Police notifications become reports with channel POLICE_NOTIFICATION (the mapping is in the
 * README). Police systems retry, so the same notification from the same system (the token's
 * {@code sub}) is one report; the report's referrer is the officer, for the system's agency.
 */
@Path("/api/v1/police/notifications")
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
