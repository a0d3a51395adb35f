package uk.mash.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.mash.audit.checkpoint.Checkpoint;
import uk.mash.audit.checkpoint.Checkpoints;
import uk.mash.audit.integrity.IntegrityCheck;
import uk.mash.audit.integrity.IntegrityReport;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.replay.CaseReplay;
import uk.mash.audit.replay.CaseAsOf;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.audit.store.AuditProjections;
import uk.mash.outbox.CaseReads;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/** The auditor's view of the log: a case's history and state as of any instant, integrity, checkpoints, reads. */
@Path("/api/v1/audit")
@Tag(name = "Audit log", description = "For auditors, changing nothing: every event of every service in an "
        + "append-only, hash-chained log; a case's history and its state as of any instant, rebuilt from the log "
        + "alone; integrity against signed checkpoints; who read which case. Reading a case here is itself recorded.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    @Inject
    AuditLogStore store;

    @Inject
    AuditProjections projections;

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
    @Operation(summary = "Read a case's history",
            description = "For an auditor: every entry of the case in log order (its reports' received events, its "
                    + "own events, its referrals and every read of it), each with the hash that chains it to the one "
                    + "before. This read is recorded.")
    @APIResponse(responseCode = "200", description = "The case's entries, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryResponse.class),
                    examples = @ExampleObject(name = "report-and-opening", value = ApiExamples.CASE_EVENTS)))
    @APIResponse(responseCode = "404", description = "The log holds no entry of this case")
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
    @Operation(summary = "Rebuild a case as of an instant",
            description = "For an auditor: the case as it stood at `asOf` (default now), folded from the log alone "
                    + "(entries whose `occurredAt` is at or before it), in the shape of screening's case. Shows exactly "
                    + "what was known, by whom, when a decision was made. This read is recorded.")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "An ISO-8601 instant (UTC); default now",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-11-21T10:00:00Z")
    @APIResponse(responseCode = "200", description = "The case as it stood",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseAsOf.class),
                    examples = @ExampleObject(name = "before-the-decision", value = ApiExamples.CASE_AS_OF)))
    @APIResponse(responseCode = "404", description = "No such case, or not yet opened at that instant")
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
    @Operation(summary = "Verify the log's integrity",
            description = "For an auditor: walks the hash chain (all of it, or `fromSequence` to `toSequence`, "
                    + "anchored on the stored hash of the entry before) and holds every signed checkpoint against it. "
                    + "Any altered, removed or reordered entry, a log cut back below a checkpoint, or a checkpoint "
                    + "missing from the series gives `verified: false` naming the first sequence that no longer matches.")
    @Parameter(name = "fromSequence", in = ParameterIn.QUERY, description = "The first sequence (from 1); default the first",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "1")
    @Parameter(name = "toSequence", in = ParameterIn.QUERY, description = "The last sequence; default the log's head",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "1000")
    @APIResponse(responseCode = "200", description = "What the walk found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityReport.class),
                    examples = @ExampleObject(name = "verified", value = ApiExamples.INTEGRITY)))
    @APIResponse(responseCode = "422", description = "fromSequence is after toSequence",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "from-after-to", value = ApiExamples.FROM_SEQUENCE_AFTER_TO)))
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
    @Operation(summary = "Export log entries as hashed",
            description = "For an auditor: the entries from `fromSequence` to `toSequence`, each exactly as hashed, "
                    + "for the outside verifier of audit-service/README.md to check the chain with no trust in this service.")
    @Parameter(name = "fromSequence", in = ParameterIn.QUERY, description = "The first sequence (from 1); default the first",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "1")
    @Parameter(name = "toSequence", in = ParameterIn.QUERY, description = "The last sequence; default the log's head",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"), example = "1000")
    @APIResponse(responseCode = "200", description = "The entries, in sequence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryResponse.class),
                    examples = @ExampleObject(name = "two-entries", value = ApiExamples.CASE_EVENTS)))
    public Response export(@QueryParam("fromSequence") String fromSequence,
                           @QueryParam("toSequence") String toSequence) {
        Long from = Params.sequence("fromSequence", fromSequence);
        Long to = Params.sequence("toSequence", toSequence);
        long first = from == null ? 1 : from;
        long last = to == null ? Long.MAX_VALUE : to;
        // streamed as the database cursor reads (1,000 rows a fetch): a decade's log never sits in memory
        ObjectWriter entryWriter = mapper.writerFor(AuditEntryResponse.class)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        StreamingOutput entries = out -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartArray();
                store.scan(first, last, e -> {
                    try {
                        entryWriter.writeValue(json, AuditEntryResponse.of(e, mapper));
                        return true;
                    } catch (IOException written) {
                        throw new UncheckedIOException(written);
                    }
                });
                json.writeEndArray();
            }
        };
        return Response.ok(entries, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/access-log")
    @Operation(summary = "Who read which case",
            description = "For an auditor: every read of a case in any service (who, for which agency, when, through "
                    + "which service and endpoint), filtered by `caseId` and by the reader's `sub`.")
    @Parameter(name = "caseId", in = ParameterIn.QUERY, description = "Only reads of this case (a UUID)",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"), example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
    @Parameter(name = "sub", in = ParameterIn.QUERY, description = "Only reads by this person or system (1 to 200 characters)",
            example = "screener.williams")
    @APIResponse(responseCode = "200", description = "The reads, in log order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CaseReadResponse.class),
                    examples = @ExampleObject(name = "a-screeners-read", value = ApiExamples.ACCESS_LOG)))
    public List<CaseReadResponse> accessLog(@QueryParam("caseId") String caseId, @QueryParam("sub") String sub) {
        UUID id = Parameters.uuid("caseId", caseId);
        return store.caseReads(id == null ? null : id.toString(), Parameters.text("sub", sub, 200)).stream()
                .map(e -> CaseReadResponse.of(e, mapper)).toList();
    }

    @POST
    @Path("/checkpoints")
    @Operation(summary = "Sign a checkpoint now",
            description = "For an auditor: signs the log's head (sequence and hash, with the instant and its place in "
                    + "the series) with audit's own Ed25519 key, keeps it, and publishes it to mash.audit-checkpoints so "
                    + "a copy lives outside audit's database. Checkpoints are also signed on a schedule.")
    @APIResponse(responseCode = "201", description = "The checkpoint signed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Checkpoint.class),
                    examples = @ExampleObject(name = "second-checkpoint", value = ApiExamples.CHECKPOINT)))
    public Response checkpoint() {
        Checkpoint c = checkpoints.create();
        return Response.status(201).entity(c).build();
    }

    @GET
    @Path("/checkpoints/latest")
    @Operation(summary = "Read the latest checkpoint", description = "For an auditor: the latest signed checkpoint.")
    @APIResponse(responseCode = "200", description = "The latest checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Checkpoint.class),
                    examples = @ExampleObject(name = "second-checkpoint", value = ApiExamples.CHECKPOINT)))
    @APIResponse(responseCode = "404", description = "No checkpoint has been made yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "none-yet", value = ApiExamples.NO_CHECKPOINT_YET)))
    public Checkpoint latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> new ProblemException(
                Problem.of(404, "not-found", "Not found", "No checkpoint has been made yet")));
    }

    @GET
    @Path("/checkpoints/public-key")
    @Operation(summary = "Read the checkpoints' public key",
            description = "For an auditor: the Ed25519 public key (PEM) that verifies every checkpoint's signature, "
                    + "for checking checkpoints away from this service.")
    @APIResponse(responseCode = "200", description = "The public key, PEM",
            content = @Content(mediaType = "application/x-pem-file", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "ed25519", value = ApiExamples.PUBLIC_KEY)))
    @Produces("application/x-pem-file")
    public String checkpointPublicKey() {
        return checkpoints.publicKeyPem();
    }

    /** Every projection folded again from the log alone: report to case, and the report card's facts. */
    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the projections from the log",
            description = "For an auditor: folds every projection (the report-to-case map and the report card's "
                    + "facts) again from the log alone, and says how many it rebuilt. Changes no entry of the log.")
    @APIResponse(responseCode = "200", description = "What was rebuilt, and the log's head sequence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "rebuilt", value = ApiExamples.REBUILT)))
    public Map<String, Object> rebuild() {
        AuditProjections.Rebuilt rebuilt = projections.rebuild();
        return Map.of("rebuilt", List.of("report_case", "report_card_facts"), "reportCases", rebuilt.reportCases(),
                "reportCardFacts", rebuilt.reportCardFacts(), "head", store.head().sequence());
    }
}
