package uk.mash.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import uk.mash.console.services.Answer;
import uk.mash.console.services.RoutingApi;
import uk.mash.console.signin.Person;
import uk.mash.console.signin.SignedIn;

/**
 * A receiving team's queue: the referrals routed to it, oldest first, each pending one with an
 * "Acknowledge" button (and an optional note). A team sees its own queue; a manager chooses one.
 */
@Path("/queue")
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

    static final List<String> QUEUES = List.of("children", "adults", "police");
    static final List<String> STATUSES = List.of("PENDING", "ESCALATED", "ACKNOWLEDGED", "WITHDRAWN");

    @Inject
    Template queue;

    @Inject
    SignedIn signedIn;

    @RestClient
    RoutingApi routing;

    @GET
    public TemplateInstance list(@QueryParam("queue") String queueName, @QueryParam("status") String status,
                                 @QueryParam("done") String done) {
        Person person = signedIn.required();
        return page(person, queueOf(person, queueName), status, done, null);
    }

    @POST
    @Path("{queue}/{referralId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("queue") String queueName, @PathParam("referralId") String referralId,
                                @RestForm String note) {
        Person person = signedIn.required();
        if (queueName == null || !QUEUES.contains(queueName) || !Uuids.valid(referralId)) {
            return Response.status(404).build();
        }
        Map<String, Object> body = new HashMap<>();
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        Answer answer = Answer.asSignedIn(routing.acknowledge(queueName, referralId, body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/queue?queue=" + queueName + "&done=acknowledged")).build();
        }
        FormErrors errors = FormErrors.of("acknowledge-" + referralId, answer,
                Map.of("note", new String[]{"Note", "note-" + referralId}));
        return Response.ok(page(person, queueName, null, null, errors)).build();
    }

    private TemplateInstance page(Person person, String queueName, String status, String done, FormErrors errors) {
        String s = status == null ? "PENDING" : STATUSES.contains(status) ? status : null;
        Answer answer = Answer.asSignedIn(routing.referrals(queueName, s, 0, 200));
        return queue.data("person", person).data("nav", "queue").data("queue", queueName)
                .data("queues", person.queue() == null ? QUEUES : List.of(person.queue()))
                .data("status", s == null ? "" : s).data("statuses", STATUSES).data("done", done)
                .data("answer", answer).data("items", answer.list("items"))
                .data("errors", errors == null ? FormErrors.none("") : errors);
    }

    /** A queue role's own queue; a manager's choice (children first). */
    private static String queueOf(Person person, String asked) {
        if (person.queue() != null) {
            return person.queue();
        }
        return asked != null && QUEUES.contains(asked) ? asked : "children";
    }
}
