package uk.mash.routing.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.contracts.ReferralStatus;
import uk.mash.contracts.Route;
import uk.mash.routing.referral.Queues;
import uk.mash.routing.referral.ReceivingQueue;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.problem.Violation;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/**
 * The receiving teams' queues. A queue role reaches its own queue only: any other queue is 403
 * before anything is looked up, so the answer never tells whether a referral exists there. A
 * manager reads every queue and acknowledges none.
 */
@Path("/api/v1/queues/{queue}/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    static final String READ_ENDPOINT = "GET /api/v1/queues/{queue}/referrals";
    static final String ACKNOWLEDGE_ENDPOINT = "POST /api/v1/queues/{queue}/referrals/{referralId}/acknowledgement";

    @Inject
    ReceivingQueue queues;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.QUEUE_CHILDREN, Roles.QUEUE_ADULTS, Roles.QUEUE_POLICE, Roles.MANAGER})
    public Map<String, List<ObjectNode>> list(@PathParam("queue") String queueName,
                                              @QueryParam("status") String status,
                                              @QueryParam("caseId") String caseId,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size,
                                              @Context SecurityContext security) {
        Route queue = security.isUserInRole(Roles.MANAGER) ? known(queueName) : own(queueName, security);
        List<ObjectNode> items = queues.read(queue, status(status), caseId(caseId), page, size, Caller.of(token),
                READ_ENDPOINT).stream().map(r -> QueueItem.of(r, mapper)).toList();
        return Map.of("items", items);
    }

    @POST
    @Path("/{referralId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QUEUE_CHILDREN, Roles.QUEUE_ADULTS, Roles.QUEUE_POLICE})
    public ObjectNode acknowledge(@PathParam("queue") String queueName, @PathParam("referralId") String referralId,
                                  @Valid AcknowledgementRequest request, @Context SecurityContext security) {
        Route queue = own(queueName, security);
        UUID id = referralId(referralId, queue);
        return QueueItem.of(queues.acknowledge(queue, id, request == null ? null : request.note(), Caller.of(token),
                ACKNOWLEDGE_ENDPOINT), mapper);
    }

    /** The caller's own queue, or 403 (for an unknown queue name too: it is not theirs either). */
    private static Route own(String queueName, SecurityContext security) {
        return Queues.fromPathName(queueName).filter(q -> security.isUserInRole(Queues.role(q)))
                .orElseThrow(ForbiddenException::new);
    }

    private static Route known(String queueName) {
        return Queues.fromPathName(queueName)
                .orElseThrow(() -> ProblemException.notFound("Queue '" + queueName + "'"));
    }

    private static UUID referralId(String value, Route queue) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Referral on the " + Queues.pathName(queue) + " queue");
        }
    }

    private static ReferralStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(ReferralStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> malformed("status", "must be one of " + Arrays.toString(ReferralStatus.values())));
    }

    private static UUID caseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw malformed("caseId", "must be a UUID");
        }
    }

    private static ProblemException malformed(String field, String message) {
        return new ProblemException(Problem.invalid(400, "The query does not match the expected shape",
                List.of(new Violation(field, message))));
    }
}
