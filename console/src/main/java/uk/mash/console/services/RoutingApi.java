package uk.mash.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's queues (CONTRACT.md), as the signed-in person. */
@RegisterRestClient(configKey = "routing")
@RegisterClientHeaders(AsSignedInPerson.class)
@Path("/api/v1/queues/{queue}/referrals")
@Consumes(MediaType.APPLICATION_JSON)
public interface RoutingApi {

    @GET
    Response referrals(@PathParam("queue") String queue, @QueryParam("status") String status,
                       @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/{referralId}/acknowledgement")
    Response acknowledge(@PathParam("queue") String queue, @PathParam("referralId") String referralId,
                         Map<String, Object> body);
}
