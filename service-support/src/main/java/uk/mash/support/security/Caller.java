package uk.mash.support.security;

import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Agency;

/**
 * The person or system behind a request, from its verified token: {@code sub} and the
 * {@code agency} claim. The agency always comes from here, never from a request body. Every role
 * that acts for an agency has a known one ({@link AgencyClaimRequired} refuses the token
 * otherwise); only an auditor may have none, and then {@code agency} is null.
 */
public record Caller(String sub, Agency agency) {

    public static final String AGENCY_CLAIM = "agency";

    public static Caller of(JsonWebToken token) {
        return new Caller(token.getSubject(), agencyOf(token).orElse(null));
    }

    /** The agency the token names, when it names one of CONTRACT.md's agencies exactly. */
    public static Optional<Agency> agencyOf(JsonWebToken token) {
        Object claim = token.getClaim(AGENCY_CLAIM);
        return Arrays.stream(Agency.values()).filter(a -> a.name().equals(String.valueOf(claim))).findFirst();
    }

    public Actor actor() {
        return new Actor(sub, agency);
    }
}
