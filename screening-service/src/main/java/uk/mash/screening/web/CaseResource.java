package uk.mash.screening.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.outbox.CaseReads;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;
import uk.mash.screening.application.ScreenerDesk;
import uk.mash.screening.query.CaseView;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.support.input.Parameters;
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

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?(\"?)(\\d{1,18})\\1");
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
    JsonWebToken token;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mash.screening.view-wait", defaultValue = "PT10S")
    Duration viewWait;

    @GET
    @Transactional
    public CaseListResponse list(@QueryParam("status") String status, @QueryParam("rag") String rag,
                         @QueryParam("overdue") String overdue, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        CaseStatus wanted = Parameters.oneOf("status", status, CaseStatus.class);
        CaseViewStore.Page found = views.list(wanted == null ? null : wanted.name(), Parameters.oneOf("rag", rag, Rag.class),
                Parameters.flag("overdue", overdue), Parameters.page(page), Parameters.pageSize(size, DEFAULT_PAGE_SIZE));
        accessLog.record(Caller.of(token), "GET /api/v1/cases", found.items().stream().map(v -> v.caseId).toList());
        return new CaseListResponse(found.items().stream().map(CaseListResponse.Item::of).toList(), found.total());
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
                                         @HeaderParam("If-Match") String ifMatch,
                                         @NotNull @Valid AddAgencyInformationRequest request) {
        long version = desk.addAgencyInformation(new AddAgencyInformation(caseId, Caller.of(token).actor(),
                request.legalBasis(), request.summary(), clock.instant(), expected(ifMatch)));
        return afterChange(caseId, version, "POST /api/v1/cases/{caseId}/agency-information");
    }

    @POST
    @Path("/{caseId}/risk-rating")
    public Response rateRisk(@PathParam("caseId") UUID caseId,
                             @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid RiskRatingRequest request) {
        long version = desk.rateRisk(new RateRisk(caseId, request.rag(), request.rationale(), Caller.of(token).actor(),
                clock.instant(), expected(ifMatch)));
        return afterChange(caseId, version, "POST /api/v1/cases/{caseId}/risk-rating");
    }

    @POST
    @Path("/{caseId}/decision")
    public Response recordDecision(@PathParam("caseId") UUID caseId,
                                   @HeaderParam("If-Match") String ifMatch,
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
        accessLog.record(Caller.of(token), endpoint, List.of(view.caseId));
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version))).build();
    }

    /** {@code If-Match: "7"} (the ETag this API gives), or the bare or weak forms of it. */
    private static Long expected(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher version = IF_MATCH.matcher(ifMatch);
        if (!version.matches()) {
            throw Parameters.malformed("If-Match", "must be a case version as the ETag gives it, e.g. \"7\"");
        }
        return Long.valueOf(version.group(2));
    }
}
