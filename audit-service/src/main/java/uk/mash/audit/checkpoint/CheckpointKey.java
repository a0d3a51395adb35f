package uk.mash.audit.checkpoint;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * audit's own Ed25519 key pair, made under {@code mash.audit.checkpoint-dir} at first start:
 * {@code checkpoint-key.pem} (readable by the service only) and {@code checkpoint-key.pub.pem}
 * (to hand to verifiers). Loaded at start, so a directory that cannot be written stops the service
 * there rather than at its first checkpoint.
 */
@Startup
@ApplicationScoped
public class CheckpointKey {

    private static final Logger LOG = Logger.getLogger(CheckpointKey.class);
    static final String ALGORITHM = "Ed25519";
    static final String PRIVATE_KEY = "checkpoint-key.pem";
    public static final String PUBLIC_KEY = "checkpoint-key.pub.pem";

    @ConfigProperty(name = "mash.audit.checkpoint-dir")
    Path dir;

    private KeyPair keys;
    private String keyId;

    @Inject
    CheckpointFiles files;

    /** Under the directory's lock: replicas starting together on a new directory make one key, not two. */
    @PostConstruct
    void loadOrMake() {
        files.underLock(() -> {
            loadOrMakeKey();
            return null;
        });
    }

    private void loadOrMakeKey() {
        try {
            Path privateFile = dir.resolve(PRIVATE_KEY);
            Path publicFile = dir.resolve(PUBLIC_KEY);
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                keys = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(pem(publicFile))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(pem(privateFile))));
            } else {
                keys = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                writeSecret(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                Files.writeString(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
                LOG.infof("Made the checkpoint signing key in %s", dir);
            }
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(keys.getPublic().getEncoded())).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load or make the checkpoint key in " + dir, e);
        }
    }

    /** The checkpoint with its signature. */
    Checkpoint sign(Checkpoint unsigned) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(unsigned.signedBytes());
            return unsigned.signed(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    /** Whether the checkpoint was signed by this key, over exactly what it says. */
    public boolean signed(Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(checkpoint.signedBytes());
            return checkpoint.signature() != null && verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (Exception e) {
            return false;
        }
    }

    String id() {
        return keyId;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
