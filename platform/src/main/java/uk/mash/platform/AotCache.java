package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's ahead-of-time cache (JEP 483, JEP 514): the classes its start loads and links,
 * recorded by a training run ({@code -XX:AOTCacheOutput}) and used by every later start
 * ({@code -XX:AOTCache}), on a JDK of 25 or newer ({@link ServiceJava#aotCache()}).
 *
 * <p>It is kept under {@code .mash/build/aot/}, named by the service and a key of what it was made
 * from: every file of the packaged application (path, size, time: {@code quarkus-run.jar} and the
 * jars it names), the JDK (home and exact version) and the JVM options. A rebuilt service, another
 * JDK or other options name another file, which is not there, so the service trains again and
 * never starts on a cache made for something else. The key is what protects it: JDK 25.0.3 still
 * uses a cache whose jars changed since (JDK-8377932, fixed in 25.0.4), running the classes it
 * cached instead of the rebuilt ones. A cache only makes a start faster; a start never needs one.
 */
public record AotCache(Path file) {

    /** What a finished file is called; a training run writes {@code NAME-KEY.training.aot} and it is renamed when whole. */
    private static final String SUFFIX = ".aot";
    private static final String TRAINING_SUFFIX = ".training.aot";

    /**
     * The cache of {@code name} ({@code intake}) for the application packaged in {@code app}
     * ({@code MODULE/target/quarkus-app}) on this JDK with these options, under {@code directory}.
     */
    public static AotCache of(Path directory, String name, Path app, ServiceJava java, List<String> jvmOptions)
            throws IOException {
        return new AotCache(directory.resolve(name + "-" + key(app, java, jvmOptions) + SUFFIX));
    }

    /** 16 hex digits of a SHA-256 of what the cache was made from. */
    static String key(Path app, ServiceJava java, List<String> jvmOptions) throws IOException {
        StringBuilder made = new StringBuilder();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                made.append(f.toAbsolutePath()).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        }
        made.append(java.home().toAbsolutePath()).append('\n')
                .append(java.version()).append('\n')
                .append(String.join(" ", jvmOptions));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(made.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether the training run made it. */
    public boolean present() {
        return Files.isRegularFile(file);
    }

    /** The JVM option that starts a service with it. */
    public String useOption() {
        return "-XX:AOTCache=" + file;
    }

    /** The JVM option of the training run: it writes the cache (to {@link #trainingFile()}) as the JVM exits. */
    public String trainOption() {
        return "-XX:AOTCacheOutput=" + trainingFile();
    }

    /** Where the training run writes, so that a run cut short never leaves a file that looks finished. */
    public Path trainingFile() {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + TRAINING_SUFFIX);
    }

    /**
     * Deletes what a training run left (the file it was writing, the JVM's {@code .config} of
     * what it recorded): before a run, and after one that failed.
     */
    public void discardTraining() throws IOException {
        Files.deleteIfExists(trainingFile());
        Files.deleteIfExists(trainingFile().resolveSibling(trainingFile().getFileName() + ".config"));
    }

    /**
     * After a training run: the file it wrote becomes the cache, and the service's older caches
     * (other jars, JDKs or options) go. False when the run wrote nothing.
     */
    public boolean keepTrained() throws IOException {
        Path written = trainingFile();
        if (!Files.isRegularFile(written) || Files.size(written) == 0) {
            discardTraining();
            return false;
        }
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String service = service();
        try (Stream<Path> others = Files.list(file.getParent())) {
            for (Path other : others.toList()) {
                String n = other.getFileName().toString();
                if (!other.equals(file) && (n.endsWith(SUFFIX) || n.endsWith(SUFFIX + ".config")) && service.equals(serviceOf(n))) {
                    Files.deleteIfExists(other);
                }
            }
        }
        return true;
    }

    /** The service (replica-free name) the cache is for: {@code intake} of {@code intake-0123abcd.aot}. */
    String service() {
        return serviceOf(file.getFileName().toString());
    }

    private static String serviceOf(String fileName) {
        int dash = fileName.lastIndexOf('-');
        return dash < 0 ? fileName : fileName.substring(0, dash);
    }
}
