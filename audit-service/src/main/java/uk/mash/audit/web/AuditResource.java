package uk.mash.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.audit.checkpoint.Checkpoint;
import uk.mash.audit.checkpoint.Checkpoints;
import uk.mash.audit.integrity.IntegrityCheck;
import uk.mash.audit.integrity.IntegrityReport;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.replay.CaseReplay;
import uk.mash.audit.replay.CaseAsOf;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.outbox.CaseReads;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/** The auditor's view of the log: a case's history and state as of any instant, integrity, checkpoints, reads. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    @Inject
    AuditLogStore store;

    @Inject
    IntegrityCheck integrity;

    @Inject
    Checkpoints checkpoints;

    @Inject
    CaseReads reads;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @GET
    @Path("/cases/{caseId}/events")
    public List<AuditEntryResponse> caseEvents(@PathParam("caseId") String caseId) {
        UUID id = Params.caseId(caseId);
        List<AuditEntry> entries = store.caseEntries(id.toString());
        if (entries.isEmpty()) {
            throw ProblemException.notFound("Case " + id);
        }
        reads.record(Caller.of(token), "GET /api/v1/audit/cases/{caseId}/events", List.of(id));
        return entries.stream().map(e -> AuditEntryResponse.of(e, mapper)).toList();
    }

    @GET
    @Path("/cases/{caseId}/state")
    public CaseAsOf caseState(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf) {
        UUID id = Params.caseId(caseId);
        Instant at = Params.instant("asOf", asOf, clock.instant());
        CaseAsOf view = new CaseReplay(mapper).asOf(store.caseEntries(id.toString()), at)
                .orElseThrow(() -> ProblemException.notFound("Case " + id + " as of " + at));
        reads.record(Caller.of(token), "GET /api/v1/audit/cases/{caseId}/state", List.of(id));
        return view;
    }

    @GET
    @Path("/integrity")
    public IntegrityReport integrity(@QueryParam("fromSequence") String fromSequence,
                                     @QueryParam("toSequence") String toSequence) {
        Long from = Params.sequence("fromSequence", fromSequence);
        Long to = Params.sequence("toSequence", toSequence);
        if (from != null && to != null && from > to) {
            throw ProblemException.unprocessable("fromSequence", "must not be after toSequence");
        }
        return integrity.verify(from, to);
    }

    /** The entries from one sequence to another, each exactly as hashed: what the README's verifier reads. */
    @GET
    @Path("/export")
    public List<AuditEntryResponse> export(@QueryParam("fromSequence") String fromSequence,
                                    @QueryParam("toSequence") String toSequence) {
        Long from = Params.sequence("fromSequence", fromSequence);
        Long to = Params.sequence("toSequence", toSequence);
        List<AuditEntryResponse> out = new java.util.ArrayList<>();
        store.scan(from == null ? 1 : from, to == null ? Long.MAX_VALUE : to, e -> out.add(AuditEntryResponse.of(e, mapper)));
        return out;
    }

    @GET
    @Path("/access-log")
    public List<CaseReadResponse> accessLog(@QueryParam("caseId") String caseId, @QueryParam("sub") String sub) {
        UUID id = Parameters.uuid("caseId", caseId);
        return store.caseReads(id == null ? null : id.toString(), Parameters.text("sub", sub, 200)).stream()
                .map(e -> CaseReadResponse.of(e, mapper)).toList();
    }

    @POST
    @Path("/checkpoints")
    public Response checkpoint() {
        Checkpoint c = checkpoints.create();
        return Response.status(201).entity(c).build();
    }

    @GET
    @Path("/checkpoints/latest")
    public Checkpoint latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> new ProblemException(
                Problem.of(404, "not-found", "Not found", "No checkpoint has been made yet")));
    }

    @GET
    @Path("/checkpoints/public-key")
    @Produces("application/x-pem-file")
    public String checkpointPublicKey() {
        return checkpoints.publicKeyPem();
    }

    /** Every projection folded again from the log alone (today: report to case). */
    @POST
    @Path("/rebuild")
    public Map<String, Object> rebuild() {
        int reportCases = store.rebuildReportCases();
        return Map.of("rebuilt", List.of("report_case"), "reportCases", reportCases, "head", store.head().sequence());
    }
}
