package uk.mash.console.signin;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The local signing key that {@code ./mash up} makes ({@code .mash/keys/private.pem}): the console
 * signs a signed-in person's token with it, as {@code ./mash token} does, so the services accept it;
 * and checks the token in a session cookie against it before passing it on. Read when first needed,
 * so that a console with local sign-in off never looks for the key.
 */
@ApplicationScoped
public class LocalSigningKey {

    private final Path location;
    private final String issuer;
    private final Duration sessionLength;
    private volatile PrivateKey privateKey;
    private volatile JwtConsumer consumer;

    public LocalSigningKey(@ConfigProperty(name = "mash.console.signing-key") String location,
                           @ConfigProperty(name = "mash.console.jwt-issuer") String issuer,
                           @ConfigProperty(name = "mash.console.session-length") Duration sessionLength) {
        this.location = Path.of(location);
        this.issuer = issuer;
        this.sessionLength = sessionLength;
    }

    /** A token for this person (MicroProfile JWT: groups the one role, agency the claim of that name). */
    public String sign(LocalPeople.LocalPerson person) {
        var claims = Jwt.issuer(issuer).subject(person.sub()).upn(person.sub()).groups(person.role())
                .expiresIn(sessionLength);
        if (person.agency() != null) {
            claims.claim("agency", person.agency());
        }
        return claims.jws().header("typ", "JWT").sign(key());
    }

    /** The person a token names, when this key signed it and it has not expired. */
    public Optional<Person> verify(String token) {
        try {
            JwtClaims claims = consumer().processToClaims(token);
            var groups = claims.getStringListClaimValue("groups");
            if (groups == null || groups.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Person(claims.getSubject(), groups.get(0),
                    claims.getClaimValue("agency", String.class), token));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private JwtConsumer consumer() {
        if (consumer == null) {
            consumer = new JwtConsumerBuilder().setRequireExpirationTime().setRequireSubject()
                    .setExpectedIssuer(issuer).setVerificationKey(publicOf(key())).build();
        }
        return consumer;
    }

    private PrivateKey key() {
        if (privateKey == null) {
            try {
                privateKey = KeyUtils.decodePrivateKey(Files.readString(location, StandardCharsets.US_ASCII));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("local sign-in needs the signing key " + location.toAbsolutePath()
                        + " (./mash up makes it): " + e.getMessage(), e);
            }
        }
        return privateKey;
    }

    private static PublicKey publicOf(PrivateKey key) {
        try {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the signing key is not an RSA private key", e);
        }
    }
}
