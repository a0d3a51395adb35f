package uk.mash.local;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

/**
 * A signed RS256 JWT as the services expect it (MicroProfile JWT): iss {@code mash-hub}, sub and
 * upn the person or system, groups the one role, agency the claim of that name.
 */
final class TokenCommand implements Command {

    static final String ISSUER = "mash-hub";
    static final int MAX_TTL_SECONDS = 30 * 24 * 3600;

    @Override
    public String usage() {
        return "token --key FILE --role ROLE [--agency AGENCY] [--sub NAME] [--ttl SECONDS]   print a signed JWT";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.allow("key", "role", "agency", "sub", "ttl");
        Path key = Path.of(args.required("key"));
        String role = args.required("role");
        if (!Identity.ROLES.contains(role)) {
            throw new UsageException("unknown role '" + role + "'; one of: " + String.join(", ", Identity.ROLES));
        }
        String agency = args.optional("agency", Identity.defaultAgency(role));
        if (!Identity.AGENCIES.contains(agency)) {
            throw new UsageException("unknown agency '" + agency + "'; one of: " + String.join(", ", Identity.AGENCIES));
        }
        String sub = args.optional("sub", role + "-local");
        if (sub.isBlank()) {
            throw new UsageException("--sub must not be blank");
        }
        int ttl = args.intValue("ttl", 3600);
        if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
            throw new UsageException("--ttl must be between 1 and " + MAX_TTL_SECONDS + " seconds");
        }
        if (!Files.exists(key)) {
            err.println("no signing key at " + key + " (./mash up makes it)");
            return 1;
        }
        out.println(sign(Pem.readPrivateKey(key), role, agency, sub, ttl));
        return 0;
    }

    static String sign(PrivateKey key, String role, String agency, String sub, int ttlSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(sub);
        claims.setClaim("upn", sub);
        claims.setStringListClaim("groups", List.of(role));
        if (agency != null) {
            claims.setClaim("agency", agency);
        }
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate exp = NumericDate.fromSeconds(now.getValue() + ttlSeconds);
        claims.setExpirationTime(exp);
        claims.setGeneratedJwtId();

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
