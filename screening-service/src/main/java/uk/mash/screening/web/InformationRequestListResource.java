package uk.mash.screening.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import uk.mash.contracts.Agency;
import uk.mash.outbox.CaseReads;
import uk.mash.screening.query.InformationRequestItem;
import uk.mash.screening.query.InformationRequestStore;
import uk.mash.screening.query.Page;
import uk.mash.support.input.Parameters;
import uk.mash.support.security.Caller;
import uk.mash.support.security.Roles;

/** An agency's list of requests to answer: its screeners see their own agency's, managers any agency's. */
@Path("/api/v1/information-requests")
@Tag(name = "Information requests")
@Produces(MediaType.APPLICATION_JSON)
public class InformationRequestListResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    /** The statuses a request list may be filtered by. */
    enum RequestStatus { OPEN, ANSWERED, DECLINED }

    @Inject
    InformationRequestStore requests;

    @Inject
    CaseReads accessLog;

    @Inject
    JsonWebToken token;

    @GET
    @Transactional
    @RolesAllowed({Roles.SCREENER, Roles.MANAGER})
    @Operation(summary = "List requests to an agency, soonest due first",
            description = "A screener sees its own agency's requests (`agency` defaults to it; another agency is 403); "
                    + "a manager any agency's (all when `agency` is left out). Each item holds the request and, of its "
                    + "case, only the id, reference and current RAG. Each case listed is recorded as read by the caller.")
    @Parameter(name = "agency", in = ParameterIn.QUERY, description = "The agency asked", example = "HEALTH",
            schema = @Schema(enumeration = {"CHILDRENS_SERVICES", "ADULT_SERVICES", "MENTAL_HEALTH", "POLICE", "HEALTH",
                    "EDUCATION", "PROBATION", "HOUSING", "YOUTH_JUSTICE", "VOLUNTARY_SECTOR", "PUBLIC", "OTHER"}))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "OPEN, ANSWERED or DECLINED",
            schema = @Schema(enumeration = {"OPEN", "ANSWERED", "DECLINED"}), example = "OPEN")
    @Parameter(name = "overdue", in = ParameterIn.QUERY, description = "true: only requests that were open at their due time",
            schema = @Schema(type = SchemaType.BOOLEAN), example = "true")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "From 0", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "0", defaultValue = "0"), example = "0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "Requests per page, 1 to 500",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"), example = "50")
    @APIResponse(responseCode = "200", description = "A page of requests and how many match in all",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InformationRequestListResponse.class),
                    examples = @ExampleObject(name = "one-open-request", value = ApiExamples.INFORMATION_REQUEST_LIST)))
    public InformationRequestListResponse list(@QueryParam("agency") String agency, @QueryParam("status") String status,
                                               @QueryParam("overdue") String overdue, @QueryParam("page") String page,
                                               @QueryParam("size") String size) {
        Agency asked = Parameters.oneOf("agency", agency, Agency.class);
        Caller caller = Caller.of(token);
        if (!token.getGroups().contains(Roles.MANAGER)) {
            Agency own = caller.actor().agency();
            if (asked != null && asked != own) {
                throw new ForbiddenException("A screener lists its own agency's requests");
            }
            asked = own;
        }
        RequestStatus wanted = Parameters.oneOf("status", status, RequestStatus.class);
        Page<InformationRequestItem> found = requests.list(asked, wanted == null ? null : wanted.name(),
                Parameters.flag("overdue", overdue), Parameters.page(page), Parameters.pageSize(size, DEFAULT_PAGE_SIZE));
        accessLog.record(caller, "GET /api/v1/information-requests",
                found.items().stream().map(i -> i.caseId()).distinct().toList());
        return new InformationRequestListResponse(found.items(), found.total());
    }
}
