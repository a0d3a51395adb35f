package uk.mash.audit.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.mash.audit.store.AuditLogStore;

/**
 * Signed checkpoints of the log's head, written as files under {@code mash.audit.checkpoint-dir},
 * outside the database: a database superuser who rewrites the log cannot rewrite them too.
 * The Ed25519 key pair is made there at first start ({@code checkpoint-key.pem}, readable by the
 * service only, and {@code checkpoint-key.pub.pem}, to hand to verifiers).
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    static final String ALGORITHM = "Ed25519";
    static final String PRIVATE_KEY = "checkpoint-key.pem";
    public static final String PUBLIC_KEY = "checkpoint-key.pub.pem";

    @ConfigProperty(name = "mash.audit.checkpoint-dir")
    Path dir;

    @Inject
    AuditLogStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private KeyPair keys;
    private String keyId;

    @PostConstruct
    void loadOrMakeKeys() {
        try {
            Files.createDirectories(dir);
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

    /** Signs the current head and writes it as a file. */
    public synchronized Checkpoint create() {
        AuditLogStore.Head head = store.head();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Checkpoint unsigned = new Checkpoint(head.sequence(), head.hash(), now, ALGORITHM, keyId, null);
        Checkpoint signed = new Checkpoint(head.sequence(), head.hash(), now, ALGORITHM, keyId,
                Base64.getEncoder().encodeToString(sign(unsigned.signedBytes())));
        try {
            Path file = dir.resolve(String.format("checkpoint-%020d-%d.json", head.sequence(), now.toEpochMilli()));
            Path temp = Files.createTempFile(dir, "checkpoint", ".tmp");
            Files.write(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(signed));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Checkpoint at sequence %d", head.sequence());
        return signed;
    }

    /** A checkpoint only when the head moved since the latest one (or there is none yet). */
    public Optional<Checkpoint> createIfHeadMoved() {
        AuditLogStore.Head head = store.head();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().sequence() == head.sequence() && latest.get().hash().equals(head.hash())) {
            return Optional.empty();
        }
        return Optional.of(create());
    }

    public Optional<Checkpoint> latest() {
        return all().stream().max(Comparator.comparingLong(Checkpoint::sequence).thenComparing(Checkpoint::instant));
    }

    /** Every checkpoint file in the directory, oldest head first. */
    public List<Checkpoint> all() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+-\\d+\\.json"))
                    .map(this::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparingLong(Checkpoint::sequence).thenComparing(Checkpoint::instant))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the checkpoint was signed by this service's key. */
    public boolean signatureValid(Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(checkpoint.signedBytes());
            return checkpoint.signature() != null && verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (Exception e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    private Optional<Checkpoint> read(Path file) {
        try {
            return Optional.of(mapper.readValue(file.toFile(), Checkpoint.class));
        } catch (IOException e) {
            LOG.warnf("Checkpoint file %s cannot be read (%s)", file.getFileName(), e.getClass().getName());
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(text);
            return signer.sign();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
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
