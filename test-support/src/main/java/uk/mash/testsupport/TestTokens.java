package uk.mash.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Tokens for tests, signed with a key pair made at test time (never committed). The services
 * under test trust the public half through {@code mp.jwt.verify.publickey.location}.
 */
public final class TestTokens {

    public static final String ISSUER = "mash-hub";
    static final String PRIVATE_KEY_PROPERTY = "mash.test.jwt.private-key";

    private TestTokens() {
    }

    /** A valid one-hour token for the role, agency and person. */
    public static String token(String role, String agency, String sub) {
        return Jwt.issuer(ISSUER).subject(sub).upn(sub).groups(Set.of(role)).claim("agency", agency)
                .expiresIn(Duration.ofHours(1)).jws().sign(privateKey());
    }

    public static String token(String role, String agency) {
        return token(role, agency, role + "-test");
    }

    /** A valid one-hour token whose claims name no agency at all. */
    public static String withoutAgency(String role, String sub) {
        return Jwt.issuer(ISSUER).subject(sub).upn(sub).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).jws().sign(privateKey());
    }

    /** A valid token for the role and agency that expires at {@code expiresAt} (whole seconds, as {@code exp} is). */
    public static String expiringAt(String role, String agency, Instant expiresAt) {
        return Jwt.issuer(ISSUER).subject(role + "-test").upn(role + "-test").groups(Set.of(role)).claim("agency", agency)
                .expiresAt(expiresAt).jws().sign(privateKey());
    }

    /** A token that expired an hour ago. */
    public static String expired(String role, String agency) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).subject("late").groups(Set.of(role)).claim("agency", agency)
                .issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1))).jws().sign(privateKey());
    }

    /** A well-formed token signed with some other key. */
    public static String forged(String role, String agency) {
        return Jwt.issuer(ISSUER).subject("mallory").groups(Set.of(role)).claim("agency", agency)
                .expiresIn(Duration.ofHours(1)).jws().sign(newKeyPair().getPrivate());
    }

    /** An unsigned token ({@code alg: none}) with valid-looking claims. */
    public static String unsigned(String role, String agency) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"mallory\",\"groups\":[\"" + role + "\"],\"agency\":\""
                + agency + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a fresh key pair as PEM files and returns the public key's path. */
    static Path writeKeyPair(Path dir) throws Exception {
        KeyPair pair = newKeyPair();
        Path publicKey = dir.resolve("public.pem");
        Path privateKey = dir.resolve("private.pem");
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        System.setProperty(PRIVATE_KEY_PROPERTY, privateKey.toString());
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static PrivateKey privateKey() {
        String location = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (location == null) {
            TestLane.refuseInFastLane("tokens signed for the services under test");
            throw new IllegalStateException("No test signing key: is the test annotated with MashTestInfrastructure?");
        }
        try {
            String pem = Files.readString(Path.of(location)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }
}
