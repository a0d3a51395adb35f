package uk.mash.console.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Who is signed in for this request: from the local session cookie (when local sign-in is on), or
 * from OpenID Connect's session (production). The token found is what the services are called with.
 */
@RequestScoped
public class SignedIn {

    @Inject
    RoutingContext request;

    @Inject
    SecurityIdentity identity;

    @Inject
    LocalSigningKey key;

    @ConfigProperty(name = "mash.console.local-sign-in")
    boolean localSignIn;

    private Optional<Person> person;

    /** The signed-in person, if any. */
    public Optional<Person> person() {
        if (person == null) {
            person = fromOidc().or(this::fromCookie);
        }
        return person;
    }

    /** The signed-in person; a page that needs one sends everyone else to sign in. */
    public Person required() {
        return person().orElseThrow(NotSignedIn::new);
    }

    /** Whether the console is served over https here (then the session cookie is Secure). */
    public boolean https() {
        return "https".equals(request.request().scheme());
    }

    private Optional<Person> fromCookie() {
        if (!localSignIn) {
            return Optional.empty();
        }
        Cookie cookie = request.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        return key.verify(cookie.getValue());
    }

    /** OIDC has verified the access token already; its claims name the role and agency as ours do. */
    private Optional<Person> fromOidc() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                    .build().processToClaims(credential.getToken());
            List<String> groups = claims.getStringListClaimValue("groups");
            String role = groups == null || groups.isEmpty() ? "" : groups.get(0);
            return Optional.of(new Person(claims.getSubject(), role, claims.getClaimValue("agency", String.class),
                    credential.getToken()));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
