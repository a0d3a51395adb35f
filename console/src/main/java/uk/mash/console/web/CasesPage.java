package uk.mash.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.mash.console.services.Answer;
import uk.mash.console.services.ScreeningApi;
import uk.mash.console.signin.Person;
import uk.mash.console.signin.SignedIn;

/** The screener's cases: GET /api/v1/cases with its filters, soonest decision due first. */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CasesPage {

    private static final Set<String> STATUSES = Set.of("AWAITING_DECISION", "DECIDED");
    private static final Set<String> RAGS = Set.of("RED", "AMBER", "GREEN");
    static final int PAGE_SIZE = 50;

    @Inject
    Template cases;

    @Inject
    SignedIn signedIn;

    @RestClient
    ScreeningApi screening;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("rag") String rag,
                                 @QueryParam("overdue") String overdue, @QueryParam("page") Integer page) {
        Person person = signedIn.required();
        // a filter outside its values is no filter (the service would answer 400)
        String s = status != null && STATUSES.contains(status) ? status : null;
        String r = rag != null && RAGS.contains(rag) ? rag : null;
        boolean late = "true".equals(overdue);
        int p = page == null || page < 0 ? 0 : page;
        Answer answer = Answer.asSignedIn(screening.cases(s, r, late ? Boolean.TRUE : null, p, PAGE_SIZE));
        return cases.data("person", person).data("nav", "cases").data("answer", answer).data("items", answer.list("items"))
                .data("total", answer.body().getOrDefault("total", 0))
                .data("status", s).data("rag", r).data("overdue", late).data("page", p);
    }
}
