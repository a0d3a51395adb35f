package uk.mash.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.LocalDate;
import uk.mash.audit.reportcard.ReportCard;
import uk.mash.audit.reportcard.ReportCardFold;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Roles;

/** The report card of DOMAIN.md, computed from the log. */
@Path("/api/v1/performance")
@Tag(name = "Report card", description = "The performance figures a safeguarding board reads, computed from the audit log.")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    @Inject
    AuditLogStore store;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.AUDITOR})
    @Operation(summary = "Read the report card for a period",
            description = "For a manager or an auditor: for `from` to `to` inclusive (UTC dates), contacts received, "
                    + "cases opened and referrals; the share of decisions within one working day (SCC/006), of "
                    + "re-referrals within 12 months (SCC/010) and of referrals acknowledged in time; reports by "
                    + "referring agency and concern; cases by outcome; and report-to-decision time (median, 90th "
                    + "percentile). Definitions in audit-service/README.md. Its cost grows with the period, not the log.")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "The first day, YYYY-MM-DD",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, description = "The last day, YYYY-MM-DD",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30")
    @APIResponse(responseCode = "200", description = "The report card",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportCard.class),
                    examples = @ExampleObject(name = "november", value = ApiExamples.REPORT_CARD)))
    @APIResponse(responseCode = "422", description = "`from` or `to` missing, or `from` after `to`",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "from-after-to", value = ApiExamples.FROM_AFTER_TO)))
    public ReportCard reportCard(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        if (start.isAfter(end)) {
            throw ProblemException.unprocessable("from", "must not be after to");
        }
        return new ReportCardFold(mapper).fold(store.entriesOfTypes(ReportCardFold.TYPES), start, end);
    }
}
