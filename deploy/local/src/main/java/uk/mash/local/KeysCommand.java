package uk.mash.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The local signing key pair: {@code DIR/private.pem} (PKCS#8, mode 600) and {@code DIR/public.pem}
 * (X.509 SubjectPublicKeyInfo). Made once; an existing private key is kept (a missing public.pem
 * is derived from it again).
 */
final class KeysCommand implements Command {

    static final String PRIVATE_PEM = "private.pem";
    static final String PUBLIC_PEM = "public.pem";

    @Override
    public String usage() {
        return "keys --dir DIR   make DIR/private.pem and DIR/public.pem (RSA 2048) unless they exist";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.allow("dir");
        Path dir = Path.of(args.required("dir"));
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
            return 0;
        }

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        PrivateKey privateKey = pair.getPrivate();
        // public first: a private.pem on disk means the pair is complete
        Files600.writePublic(publicPem, Pem.encode(Pem.PUBLIC, pair.getPublic().getEncoded()));
        Files600.writeSecret(privatePem, Pem.encode(Pem.PRIVATE, privateKey.getEncoded()));
        out.println("keys: created " + privatePem + " and " + publicPem);
        return 0;
    }
}
