package uk.mash.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The console as ./mash up runs it: local sign-in on, with a signing key of its own; screening faked. */
public class LocalSignInProfile implements QuarkusTestProfile {

    static final KeyPair KEYS = newKeys();
    static final Path PRIVATE_PEM = write(KEYS);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mash.console.local-sign-in", "true", "mash.console.signing-key", PRIVATE_PEM.toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServices.class));
    }

    static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyPair keys) {
        try {
            Path file = Files.createTempFile("console-test-key", ".pem");
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
