package uk.mash.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

/**
 * The local signing key pair: {@code DIR/private.pem} (PKCS#8, mode 600) and {@code DIR/public.pem}
 * (X.509 SubjectPublicKeyInfo). Made once; an existing private key is kept (a missing public.pem
 * is derived from it again), because the running services accept only tokens of the key they
 * were started with.
 */
public final class SigningKeys {

    public static final String PRIVATE_PEM = "private.pem";
    public static final String PUBLIC_PEM = "public.pem";

    private SigningKeys() {
    }

    /** Makes the pair in {@code dir} unless it is there; says what it did on {@code out}. */
    public static void ensure(Path dir, PrintStream out) throws IOException, GeneralSecurityException {
        Path privatePem = dir.resolve(PRIVATE_PEM);
        Path publicPem = dir.resolve(PUBLIC_PEM);
        Files.createDirectories(dir);

        if (Files.exists(privatePem)) {
            if (!Files.exists(publicPem)) {
                PublicKey publicKey = Pem.publicOf(Pem.readPrivateKey(privatePem));
                Files600.writePublic(publicPem, Pem.encode(Pem.PUBLIC, publicKey.getEncoded()));
                out.println("keys: found " + privatePem + ", wrote its public key to " + publicPem);
            } else {
                out.println("keys: found " + privatePem + " and " + publicPem);
            }
            return;
        }

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // public first: a private.pem on disk means the pair is complete
        Files600.writePublic(publicPem, Pem.encode(Pem.PUBLIC, pair.getPublic().getEncoded()));
        Files600.writeSecret(privatePem, Pem.encode(Pem.PRIVATE, pair.getPrivate().getEncoded()));
        out.println("keys: created " + privatePem + " and " + publicPem);
    }
}
