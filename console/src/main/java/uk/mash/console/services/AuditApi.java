package uk.mash.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service's REST API (CONTRACT.md): the report card, and a case's history, as the signed-in person. */
@RegisterRestClient(configKey = "audit")
@RegisterClientHeaders(AsSignedInPerson.class)
@Path("/api/v1")
public interface AuditApi {

    @GET
    @Path("/performance")
    Response performance(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/audit/cases/{caseId}/events")
    Response caseEvents(@PathParam("caseId") String caseId);

    @GET
    @Path("/audit/cases/{caseId}/state")
    Response caseState(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf);

    @GET
    @Path("/audit/integrity")
    Response integrity();

    @GET
    @Path("/audit/access-log")
    Response accessLog(@QueryParam("caseId") String caseId, @QueryParam("sub") String sub);
}
