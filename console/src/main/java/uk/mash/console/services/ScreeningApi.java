package uk.mash.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** screening-service's REST API (CONTRACT.md), as the signed-in person. Answers are read by {@link Answer}. */
@RegisterRestClient(configKey = "screening")
@RegisterClientHeaders(AsSignedInPerson.class)
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
public interface ScreeningApi {

    @GET
    @Path("/cases")
    Response cases(@QueryParam("status") String status, @QueryParam("rag") String rag,
                   @QueryParam("overdue") Boolean overdue, @QueryParam("page") Integer page,
                   @QueryParam("size") Integer size);

    @GET
    @Path("/cases/{caseId}")
    Response caseById(@PathParam("caseId") String caseId);

    /**
     * One of the screener's commands on a case ({@code risk-rating}, {@code agency-information},
     * {@code information-requests}, {@code decision}), sent with the version the page showed.
     */
    @POST
    @Path("/cases/{caseId}/{command}")
    Response command(@PathParam("caseId") String caseId, @PathParam("command") String command,
                     @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    @GET
    @Path("/information-requests")
    Response informationRequests(@QueryParam("agency") String agency, @QueryParam("status") String status,
                                 @QueryParam("overdue") Boolean overdue, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size);

    /** The asked agency's reply to a request: {@code answer} or {@code decline}. */
    @POST
    @Path("/cases/{caseId}/information-requests/{requestId}/{reply}")
    Response reply(@PathParam("caseId") String caseId, @PathParam("requestId") String requestId,
                   @PathParam("reply") String reply, Map<String, Object> body);
}
