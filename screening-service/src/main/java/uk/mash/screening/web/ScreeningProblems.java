package uk.mash.screening.web;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.mash.screening.command.CaseConflict;
import uk.mash.screening.command.CaseRuleBroken;
import uk.mash.screening.command.NoSuchInformationRequest;
import uk.mash.screening.command.NotTheAgencyAsked;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.Violation;

/**
 * Screening's own refusals as problems: a broken MASH rule, an unknown case or request, a case that moved
 * on or a change that contradicts it, an answer from an agency that was not asked.
 */
public class ScreeningProblems {

    @ServerExceptionMapper
    public Response ruleBroken(CaseRuleBroken e) {
        return respond(Problem.invalid(422, e.getMessage(), List.of(new Violation(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response unknownCase(AggregateNotFoundException e) {
        return respond(Problem.of(404, "not-found", "Not found", "No such case"));
    }

    @ServerExceptionMapper
    public Response unknownRequest(NoSuchInformationRequest e) {
        return respond(Problem.of(404, "not-found", "Not found", "No such information request on this case"));
    }

    @ServerExceptionMapper
    public Response conflicting(CaseConflict e) {
        return respond(Problem.of(409, "conflict", "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notTheAgencyAsked(NotTheAgencyAsked e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", e.getMessage()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response movedOn(ConflictingAggregateVersionException e) {
        return respond(Problem.of(412, "precondition-failed", "Precondition failed",
                "The case has changed since the version in If-Match; read it again"));
    }

    @ServerExceptionMapper(priority = 2)
    public Response concurrent(ConcurrencyException e) {
        return respond(Problem.of(409, "concurrent-change", "Conflict",
                "Someone else changed the case at the same moment; try again"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
