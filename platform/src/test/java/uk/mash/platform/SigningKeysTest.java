package uk.mash.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void makesAnRsaPairOnceAndKeepsIt() throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(ensure(keys)).contains("created");

        Path privatePem = keys.resolve("private.pem");
        Path publicPem = keys.resolve("public.pem");
        assertThat(Files.readString(privatePem)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(publicPem)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privatePem))).isEqualTo("rw-------");
        RSAPublicKey publicKey = (RSAPublicKey) Pem.readPublicKey(publicPem);
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);

        // the two halves belong together
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(Pem.readPrivateKey(privatePem));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();

        byte[] privateBefore = Files.readAllBytes(privatePem);
        byte[] publicBefore = Files.readAllBytes(publicPem);
        assertThat(ensure(keys)).contains("found").doesNotContain("created");
        assertThat(Files.readAllBytes(privatePem)).isEqualTo(privateBefore);
        assertThat(Files.readAllBytes(publicPem)).isEqualTo(publicBefore);

        // a lost public key is derived again from the private one, not replaced by a new pair
        Files.delete(publicPem);
        assertThat(ensure(keys)).contains("wrote its public key");
        assertThat(Files.readAllBytes(publicPem)).isEqualTo(publicBefore);
        assertThat(Files.readAllBytes(privatePem)).isEqualTo(privateBefore);
    }

    /** What SigningKeys.ensure said. */
    private static String ensure(Path keys) throws Exception {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        SigningKeys.ensure(keys, new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        return said.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
