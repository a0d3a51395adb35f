package uk.mash.support.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token whose roles act for an agency (everyone but the auditor) must name a known agency in its
 * {@code agency} claim; otherwise it is not trusted at all: 401, as for a bad signature (CONTRACT.md,
 * "Identity and roles"). Without this, an unknown or missing agency would be recorded as some
 * agency it is not.
 */
@ApplicationScoped
public class AgencyClaimRequired implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || Collections.disjoint(identity.getRoles(), Roles.ACTING_FOR_AN_AGENCY)
                || Caller.agencyOf(token).isPresent()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException(
                "The token's roles act for an agency but it names no known agency"));
    }
}
