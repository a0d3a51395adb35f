package uk.mash.platform;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCommandTest {

    @TempDir
    static Path dir;

    static Path privatePem;
    static PublicKey publicKey;

    @BeforeAll
    static void keys() throws Exception {
        SigningKeys.ensure(dir, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        privatePem = dir.resolve("private.pem");
        publicKey = Pem.readPublicKey(dir.resolve("public.pem"));
    }

    static JwtClaims verify(String token, PublicKey key) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("mash-hub")
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build();
        return consumer.processToClaims(token);
    }

    @Test
    void signsATokenThePublicKeyVerifies() throws Exception {
        Run run = Run.of("token", "--key", privatePem.toString(), "--role", "screener",
                "--agency", "HEALTH", "--sub", "nurse.jones", "--ttl", "600");
        assertThat(run.exit()).as(run.err()).isZero();
        String token = run.out().trim();
        assertThat(token.split("\\.")).hasSize(3);

        JwtClaims claims = verify(token, publicKey);
        assertThat(claims.getIssuer()).isEqualTo("mash-hub");
        assertThat(claims.getSubject()).isEqualTo("nurse.jones");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("nurse.jones");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("screener");
        assertThat(claims.getStringClaimValue("agency")).isEqualTo("HEALTH");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(600);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void defaultsSubjectAgencyAndLifetimeFromTheRole() throws Exception {
        JwtClaims claims = verify(Run.of("token", "--key", privatePem.toString(), "--role", "queue-children").out().trim(), publicKey);
        assertThat(claims.getSubject()).isEqualTo("queue-children-local");
        assertThat(claims.getStringClaimValue("agency")).isEqualTo("CHILDRENS_SERVICES");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);

        assertThat(verify(Run.of("token", "--key", privatePem.toString(), "--role", "police-system").out().trim(), publicKey)
                .getStringClaimValue("agency")).isEqualTo("POLICE");
        assertThat(verify(Run.of("token", "--key", privatePem.toString(), "--role", "auditor").out().trim(), publicKey)
                .getStringClaimValue("agency")).isEqualTo("OTHER");
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        String a = Run.of("token", "--key", privatePem.toString(), "--role", "referrer").out().trim();
        String b = Run.of("token", "--key", privatePem.toString(), "--role", "referrer").out().trim();
        assertThat(verify(a, publicKey).getJwtId()).isNotEqualTo(verify(b, publicKey).getJwtId());
    }

    @Test
    void anotherKeyDoesNotVerifyIt() throws Exception {
        String token = Run.of("token", "--key", privatePem.toString(), "--role", "manager").out().trim();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PublicKey other = generator.generateKeyPair().getPublic();
        assertThatThrownBy(() -> verify(token, other)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void rejectsAnUnknownRoleOrAgency() {
        Run badRole = Run.of("token", "--key", privatePem.toString(), "--role", "admin");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.out()).isEmpty();
        assertThat(badRole.err()).contains("unknown role 'admin'").contains("queue-police");

        Run badAgency = Run.of("token", "--key", privatePem.toString(), "--role", "screener", "--agency", "NHS");
        assertThat(badAgency.exit()).isEqualTo(2);
        assertThat(badAgency.err()).contains("unknown agency 'NHS'").contains("YOUTH_JUSTICE");

        assertThat(Run.of("token", "--key", privatePem.toString()).exit()).isEqualTo(2);
        assertThat(Run.of("token", "--key", privatePem.toString(), "--role", "screener", "--colour", "red").exit()).isEqualTo(2);
    }

    @Test
    void saysSoWhenThereIsNoKey() {
        Run run = Run.of("token", "--key", dir.resolve("nowhere.pem").toString(), "--role", "screener");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no signing key");
    }
}
