package uk.mash.screening.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;
import uk.mash.screening.application.AccessLog;
import uk.mash.screening.application.ScreenerDesk;
import uk.mash.screening.query.CaseView;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * The screener's API. Every read of a case is recorded. A POST answers with the case as it
 * stands after the change: it waits (briefly) for the case view to reach the command's version.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCREENER, Roles.MANAGER})
public class CaseResource {

    private static final String IF_MATCH = "^(W/)?\"?\\d+\"?$";

    @Inject
    CaseViewStore views;

    @Inject
    ScreenerDesk desk;

    @Inject
    AccessLog accessLog;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mash.screening.view-wait", defaultValue = "PT10S")
    Duration viewWait;

    @GET
    @Transactional
    public CaseList list(@QueryParam("status") @Pattern(regexp = "AWAITING_DECISION|DECIDED") String status,
                         @QueryParam("rag") Rag rag,
                         @QueryParam("overdue") Boolean overdue,
                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CaseViewStore.Page found = views.list(status, rag, overdue, page, size);
        accessLog.read(Caller.of(token), "GET /api/v1/cases", found.items().stream().map(v -> v.caseId).toList());
        return new CaseList(found.items().stream().map(CaseList.Item::of).toList(), found.total());
    }

    @GET
    @Path("/{caseId}")
    @Transactional
    public Response get(@PathParam("caseId") UUID caseId) {
        CaseView view = views.find(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        return answer(view, "GET /api/v1/cases/{caseId}");
    }

    @POST
    @Path("/{caseId}/agency-information")
    public Response addAgencyInformation(@PathParam("caseId") UUID caseId,
                                         @HeaderParam("If-Match") @Pattern(regexp = IF_MATCH) String ifMatch,
                                         @NotNull @Valid AgencyInformationRequest request) {
        long version = desk.addAgencyInformation(new AddAgencyInformation(caseId, Caller.of(token).actor(),
                request.legalBasis(), request.summary(), clock.instant(), expected(ifMatch)));
        return afterChange(caseId, version, "POST /api/v1/cases/{caseId}/agency-information");
    }

    @POST
    @Path("/{caseId}/risk-rating")
    public Response rateRisk(@PathParam("caseId") UUID caseId,
                             @HeaderParam("If-Match") @Pattern(regexp = IF_MATCH) String ifMatch,
                             @NotNull @Valid RiskRatingRequest request) {
        long version = desk.rateRisk(new RateRisk(caseId, request.rag(), request.rationale(), Caller.of(token).actor(),
                clock.instant(), expected(ifMatch)));
        return afterChange(caseId, version, "POST /api/v1/cases/{caseId}/risk-rating");
    }

    @POST
    @Path("/{caseId}/decision")
    public Response recordDecision(@PathParam("caseId") UUID caseId,
                                   @HeaderParam("If-Match") @Pattern(regexp = IF_MATCH) String ifMatch,
                                   @NotNull @Valid DecisionRequest request) {
        Set<Route> routes = request.routes() == null ? null : Set.copyOf(request.routes());
        long version = desk.recordDecision(new RecordDecision(caseId, UUID.randomUUID(), request.outcome(), routes,
                request.rationale(), request.supersedesReason(), Caller.of(token).actor(), clock.instant(),
                expected(ifMatch)));
        return afterChange(caseId, version, "POST /api/v1/cases/{caseId}/decision");
    }

    private Response afterChange(UUID caseId, long version, String endpoint) {
        long deadline = System.nanoTime() + viewWait.toNanos();
        while (views.version(caseId) < version && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> answer(views.find(caseId).orElseThrow(), endpoint));
    }

    private Response answer(CaseView view, String endpoint) {
        accessLog.read(Caller.of(token), endpoint, List.of(view.caseId));
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version))).build();
    }

    private static Long expected(String ifMatch) {
        return ifMatch == null ? null : Long.valueOf(ifMatch.replaceAll("[^0-9]", ""));
    }
}
