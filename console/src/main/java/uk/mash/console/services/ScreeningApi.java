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

    @POST
    @Path("/cases/{caseId}/risk-rating")
    Response rateRisk(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                      Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/agency-information")
    Response shareInformation(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                              Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/decision")
    Response recordDecision(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                            Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/information-requests")
    Response requestInformation(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                Map<String, Object> body);

    @GET
    @Path("/information-requests")
    Response informationRequests(@QueryParam("agency") String agency, @QueryParam("status") String status,
                                 @QueryParam("overdue") Boolean overdue, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size);

    @POST
    @Path("/cases/{caseId}/information-requests/{requestId}/answer")
    Response answer(@PathParam("caseId") String caseId, @PathParam("requestId") String requestId,
                    Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/information-requests/{requestId}/decline")
    Response decline(@PathParam("caseId") String caseId, @PathParam("requestId") String requestId,
                     Map<String, Object> body);
}
