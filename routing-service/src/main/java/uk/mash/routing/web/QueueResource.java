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
import uk.mash.contracts.ReferralStatus;
import uk.mash.contracts.Route;
import uk.mash.routing.referral.Queues;
import uk.mash.routing.referral.ReceivingQueue;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.ProblemException;
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
    static final int DEFAULT_PAGE_SIZE = 100;

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
