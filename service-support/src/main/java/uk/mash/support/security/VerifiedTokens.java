package uk.mash.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' token parser: SmallRye JWT's (which Quarkus asks for every request's bearer token), in
 * its place, remembering the tokens it has verified until each expires; every other way of parsing is
 * SmallRye's, unchanged.
 * <p>
 * Why: a screener's browser, a police system and the bench send the same token with every request for
 * the token's life, and checking its RS256 signature again each time was a tenth of screening's CPU
 * while screeners decided (JFR, issue 16): without the optimising JIT (the services run C1 only, for
 * memory) the JDK's RSA arithmetic has none of its intrinsics.
 * <p>
 * What it remembers is keyed by the whole compact token, its signature included, so only the very
 * bytes that were verified are let through unverified; a token with other claims or another
 * signature is a different key and is verified in full (a forged one still fails). A remembered token
 * is given again only while SmallRye would still accept it (before its {@code exp} plus the configured
 * clock skew, {@code mp.jwt.verify.clock.skew}, and within {@code mp.jwt.verify.token.age} when set): after,
 * it is forgotten and verified again, which refuses it as before. At most {@code mash.security.verified-tokens} are kept
 * (memory stays bounded); beyond, expired ones are dropped, and a new token is verified and not kept
 * until there is room. The token itself is never logged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** The rules SmallRye verified it by: its clock skew and any maximum token age apply to what is remembered too. */
    @Inject
    JWTAuthContextInfo rules;

    @ConfigProperty(name = "mash.security.verified-tokens", defaultValue = "1024")
    int capacity;

    Clock clock = Clock.systemUTC();

    /** A verified token and the instant (epoch ms) until which SmallRye would still accept it. */
    private record Verified(JsonWebToken token, long acceptedUntil) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.millis() < known.acceptedUntil()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken parsed = verifiedInFull(token);
        remember(token, parsed);
        return parsed;
    }

    /** SmallRye's own parsing: the signature, issuer, exp and the rest checked in full. */
    JsonWebToken verifiedInFull(String token) throws ParseException {
        return super.parse(token);
    }

    /** How many tokens are remembered now (for tests of the bound). */
    int remembered() {
        return verified.size();
    }

    private void remember(String token, JsonWebToken parsed) {
        long exp = seconds(parsed, Claims.exp);
        if (exp <= 0) {
            return; // no exp: nothing says how long it may be trusted
        }
        // as SmallRye checks it: exp, and iat + the maximum age when one is set, each with the clock skew
        long until = exp + rules.getClockSkew();
        if (rules.getTokenAge() != null) {
            until = Math.min(until, seconds(parsed, Claims.iat) + rules.getTokenAge() + rules.getClockSkew());
        }
        if (verified.size() >= capacity) {
            long now = clock.millis();
            verified.values().removeIf(v -> now >= v.acceptedUntil());
            if (verified.size() >= capacity) {
                return;
            }
        }
        verified.put(token, new Verified(parsed, until * 1000));
    }

    /** A time claim in seconds since the epoch; 0 when it has none. */
    private static long seconds(JsonWebToken token, Claims claim) {
        return token.getClaim(claim.name()) instanceof Number n ? n.longValue() : 0;
    }
}
