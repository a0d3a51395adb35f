package uk.mash.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import uk.mash.audit.reportcard.ReportCard;
import uk.mash.audit.reportcard.ReportCardFold;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Roles;

/** The report card of DOMAIN.md, computed from the log. */
@Path("/api/v1/performance")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    @Inject
    AuditLogStore store;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.AUDITOR})
    public ReportCard reportCard(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        if (start.isAfter(end)) {
            throw ProblemException.unprocessable("from", "must not be after to");
        }
        return new ReportCardFold(mapper).fold(store.entriesOfTypes(ReportCardFold.TYPES), start, end);
    }
}
