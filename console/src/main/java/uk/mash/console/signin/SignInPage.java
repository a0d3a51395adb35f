package uk.mash.console.signin;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in and out. Locally ({@code mash.console.local-sign-in=true}, which {@code ./mash up} sets)
 * a page lists people to sign in as; otherwise that page does not exist (404) and sign-in is
 * OpenID Connect's ({@code /sign-in/oidc}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @Inject
    Template signIn;

    @Inject
    Template signOut;

    @Inject
    SignedIn signedIn;

    @Inject
    LocalSigningKey key;

    @ConfigProperty(name = "mash.console.local-sign-in")
    boolean localSignIn;

    @ConfigProperty(name = "mash.console.session-length")
    Duration sessionLength;

    /** The console's address: the signed-in person's start page, or sign-in. */
    @GET
    public Response home() {
        return Response.seeOther(URI.create(signedIn.person().map(Person::home).orElseThrow(NotSignedIn::new))).build();
    }

    @GET
    @Path("sign-in")
    public TemplateInstance people() {
        requireLocal();
        return signIn.data("people", LocalPeople.ALL).data("person", null).data("nav", "");
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signInAs(@RestForm String sub) {
        requireLocal();
        LocalPeople.LocalPerson chosen = LocalPeople.bySub(sub == null ? "" : sub)
                .orElseThrow(() -> new NotFoundException("no such person to sign in as"));
        String token = key.sign(chosen);
        Person person = new Person(chosen.sub(), chosen.role(), chosen.agency(), token);
        return Response.seeOther(URI.create(person.home()))
                .cookie(SessionCookie.holding(token, signedIn.https(), (int) sessionLength.toSeconds())).build();
    }

    /** Production sign-in: OpenID Connect's code flow runs before this, then the start page. */
    @GET
    @Path("sign-in/oidc")
    @Authenticated
    public Response oidc() {
        return home();
    }

    /** "Sign out" asks once (a form, so that no other site can sign anyone out). */
    @GET
    @Path("sign-out")
    public TemplateInstance confirmSignOut() {
        return signOut.data("person", signedIn.person().orElse(null)).data("nav", "");
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return Response.seeOther(URI.create(localSignIn ? "/sign-in" : "/sign-out"))
                .cookie(SessionCookie.cleared(signedIn.https())).build();
    }

    private void requireLocal() {
        if (!localSignIn) {
            throw new NotFoundException();
        }
    }
}
