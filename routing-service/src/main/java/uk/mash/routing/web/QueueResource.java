package uk.mash.routing.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.mash.contracts.ReferralStatus;
import uk.mash.contracts.Route;
import uk.mash.routing.referral.Queues;
import uk.mash.routing.referral.ReceivingQueue;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * The receiving teams' queues. A queue role reaches its own queue only: any other queue is 403
 * before anything is looked up, so the answer never tells whether a referral exists there. A
 * manager reads every queue and acknowledges none.
 */
@Path("/api/v1/queues/{queue}/referrals")
@Tag(name = "Referral queues", description = "The receiving teams' queues (children, adults, police): each decision "
        + "becomes a referral on each queue it is routed to, holding only what that agency needs. The team "
        + "acknowledges it; one still PENDING past its limit (4 h for RED, 24 h otherwise) is ESCALATED. Every read "
        + "of a referral is recorded as a read of its case.")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    static final String READ_ENDPOINT = "GET /api/v1/queues/{queue}/referrals";
    static final String ACKNOWLEDGE_ENDPOINT = "POST /api/v1/queues/{queue}/referrals/{referralId}/acknowledgement";
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final String QUEUE_IS = "children, adults or police; any other name is 400";
    private static final String REFERRAL_IS = "A referral as its queue received it (the queue's allow-list applied: "
            + "fields it may not see are absent), plus `status` (PENDING, ACKNOWLEDGED, ESCALATED, WITHDRAWN), `dueBy` "
            + "and, once they happened, `acknowledgedAt`, `acknowledgedBy`, `acknowledgedByAgency`, "
            + "`acknowledgementNote`, `escalatedAt`, `withdrawnAt`, `withdrawnByDecisionId`.";

    @Inject
    ReceivingQueue queues;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.QUEUE_CHILDREN, Roles.QUEUE_ADULTS, Roles.QUEUE_POLICE, Roles.MANAGER})
    @Operation(summary = "Read a queue's referrals",
            description = "For the queue's own role (queue-children, queue-adults, queue-police; another queue is 403 "
                    + "before anything is looked up) or a manager (every queue). Referrals oldest first, filtered by "
                    + "`status` and `caseId`. Every referral shown is recorded as a read of its case.")
    @Parameter(name = "queue", in = ParameterIn.PATH, required = true, description = QUEUE_IS,
            schema = @Schema(enumeration = {"children", "adults", "police"}), example = "children")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only referrals in this status",
            schema = @Schema(enumeration = {"PENDING", "ACKNOWLEDGED", "ESCALATED", "WITHDRAWN"}), example = "PENDING")
    @Parameter(name = "caseId", in = ParameterIn.QUERY, description = "Only this case's referrals (a UUID)",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"), example = "3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "From 0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"), example = "0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "Referrals per page, 1 to 500",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"), example = "100")
    @APIResponse(responseCode = "200", description = "`{\"items\": [...]}`, each item " + REFERRAL_IS,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "children-queue", value = ApiExamples.QUEUE)))
    public Map<String, List<ObjectNode>> list(@PathParam("queue") String queueName,
                                              @QueryParam("status") String status,
                                              @QueryParam("caseId") String caseId,
                                              @QueryParam("page") String page,
                                              @QueryParam("size") String size,
                                              @Context SecurityContext security) {
        Route queue = security.isUserInRole(Roles.MANAGER) ? known(queueName) : own(queueName, security);
        List<ObjectNode> items = queues.read(queue, Parameters.oneOf("status", status, ReferralStatus.class),
                Parameters.uuid("caseId", caseId), Parameters.page(page), Parameters.pageSize(size, DEFAULT_PAGE_SIZE),
                Caller.of(token), READ_ENDPOINT).stream().map(r -> ReferralResponse.of(r, mapper)).toList();
        return Map.of("items", items);
    }

    @POST
    @Path("/{referralId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QUEUE_CHILDREN, Roles.QUEUE_ADULTS, Roles.QUEUE_POLICE})
    @Operation(summary = "Acknowledge a referral",
            description = "For the queue's own role only (a manager or another queue's role is 403): the receiving team "
                    + "takes the referral, with an optional note (up to 4000 characters). A PENDING or ESCALATED "
                    + "referral can be acknowledged. Idempotent: acknowledging it again answers 200 with the first "
                    + "acknowledgement and publishes nothing more. The answer shows the referral, which is recorded "
                    + "as a read of its case.")
    @Parameter(name = "queue", in = ParameterIn.PATH, required = true, description = QUEUE_IS,
            schema = @Schema(enumeration = {"children", "adults", "police"}), example = "children")
    @Parameter(name = "referralId", in = ParameterIn.PATH, required = true, description = "The referral (a UUID; "
            + "anything else names no referral: 404)", example = "6e1b9d47-c3a8-4f25-8d0e-2b7a5f9c1e38")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcknowledgementRequest.class),
            examples = @ExampleObject(name = "with-a-note", value = ApiExamples.ACKNOWLEDGEMENT)))
    @APIResponse(responseCode = "200", description = "The referral, acknowledged. " + REFERRAL_IS,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "acknowledged", value = ApiExamples.ACKNOWLEDGED)))
    @APIResponse(responseCode = "404", description = "No such referral on this queue")
    @APIResponse(responseCode = "409", description = "The referral was withdrawn by a later decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "referral-withdrawn", value = ApiExamples.WITHDRAWN)))
    @APIResponse(responseCode = "422", description = "A note over 4000 characters, or one with a control character",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "note-too-long", value = ApiExamples.NOTE_TOO_LONG)))
    public ObjectNode acknowledge(@PathParam("queue") String queueName, @PathParam("referralId") String referralId,
                                  @Valid AcknowledgementRequest request, @Context SecurityContext security) {
        Route queue = own(queueName, security);
        UUID id = referralId(referralId, queue);
        return ReferralResponse.of(queues.acknowledge(queue, id, request == null ? null : request.note(), Caller.of(token),
                ACKNOWLEDGE_ENDPOINT), mapper);
    }

    /** The caller's own queue, or 403 (a queue name that is no queue is 400 for everyone). */
    private static Route own(String queueName, SecurityContext security) {
        Route queue = known(queueName);
        if (!security.isUserInRole(Queues.role(queue))) {
            throw new ForbiddenException();
        }
        return queue;
    }

    private static Route known(String queueName) {
        return Queues.fromPathName(queueName)
                .orElseThrow(() -> Parameters.malformed("queue", "must be children, adults or police"));
    }

    private static UUID referralId(String value, Route queue) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Referral on the " + Queues.pathName(queue) + " queue");
        }
    }
}
