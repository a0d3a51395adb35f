package uk.mash.platform;

import java.security.PrivateKey;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A signed RS256 JWT as the services expect it (MicroProfile JWT): iss {@link ServiceCatalog#JWT_ISSUER},
 * sub and upn the person or system, groups the one role, agency the claim of that name.
 */
public final class Tokens {

    public static final int MAX_TTL_SECONDS = 30 * 24 * 3600;

    private Tokens() {
    }

    /** A token for {@code sub} in {@code role} (one of {@link Identity#ROLES}); {@code agency} may be null. */
    public static String sign(PrivateKey key, String role, String agency, String sub, int ttlSeconds) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ServiceCatalog.JWT_ISSUER);
        claims.setSubject(sub);
        claims.setClaim("upn", sub);
        claims.setStringListClaim("groups", List.of(role));
        if (agency != null) {
            claims.setClaim("agency", agency);
        }
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + ttlSeconds));
        claims.setGeneratedJwtId();

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
