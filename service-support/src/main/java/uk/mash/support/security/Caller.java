package uk.mash.support.security;

import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Agency;

/**
 * The person or system behind a request, from its verified token: {@code sub} and the
 * {@code agency} claim. The agency always comes from here, never from a request body.
 */
public record Caller(String sub, Agency agency) {

    public static final String AGENCY_CLAIM = "agency";

    public static Caller of(JsonWebToken token) {
        String claim = token.getClaim(AGENCY_CLAIM);
        Agency agency = Arrays.stream(Agency.values()).filter(a -> a.name().equals(claim)).findFirst()
                .orElse(Agency.OTHER);
        return new Caller(token.getSubject(), agency);
    }

    public Actor actor() {
        return new Actor(sub, agency);
    }
}
