package uk.mash.console.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.console.signin.NotSignedIn;

/** Whoever is not signed in is sent to sign in: the local page, or OpenID Connect's. */
@Provider
public class NotSignedInRedirect implements ExceptionMapper<NotSignedIn> {

    @ConfigProperty(name = "mash.console.local-sign-in")
    boolean localSignIn;

    @Override
    public Response toResponse(NotSignedIn e) {
        return Response.seeOther(URI.create(localSignIn ? "/sign-in" : "/sign-in/oidc")).build();
    }
}
