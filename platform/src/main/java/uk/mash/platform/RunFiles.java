package uk.mash.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code .mash/run}: which process runs each component ({@code NAME.pid}, checked against its
 * command line so a recycled pid is never taken for ours), the port it was started on
 * ({@code NAME.port}; a service's second replica is {@code intake-2}, {@link Replica}), how many
 * replicas of each service {@code up} was asked for ({@code replicas}, so {@code restart} and a
 * plain {@code up} keep the count), and the lock that lets one {@code ./mash up}, {@code down} or
 * {@code restart} run at a time in a checkout.
 */
final class RunFiles {

    private final MashHome home;
    private FileChannel lockChannel;
    private FileLock lock;
    private int lockDepth;

    RunFiles(MashHome home) {
        this.home = home;
    }


    /**
     * The process in {@code .mash/run/NAME.pid} if it is alive and its command line contains
     * {@code marker} (so a recycled pid is never mistaken for ours).
     */
    Optional<ProcessHandle> runningPid(String name, String marker) {
        try {
            Path file = home.pidFile(name);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String digits = Files.readString(file, StandardCharsets.UTF_8).replaceAll("[^0-9]", "");
            return digits.isEmpty() ? Optional.empty() : ServiceProcess.running(Long.parseLong(digits), marker);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Integer recordedPort(String name) {
        try {
            Path file = home.portFile(name);
            return Files.exists(file) ? Integer.valueOf(Files.readString(file, StandardCharsets.UTF_8).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    void record(String name, long pid, int port) throws IOException {
        Files.writeString(home.pidFile(name), pid + "\n", StandardCharsets.UTF_8);
        Files.writeString(home.portFile(name), port + "\n", StandardCharsets.UTF_8);
    }

    /** How many replicas of each service the last {@code up} started; null when none is recorded (or down ran). */
    Integer recordedReplicas() {
        try {
            Path file = replicasFile();
            if (!Files.exists(file)) {
                return null;
            }
            int n = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim());
            return n >= 1 && n <= Replica.MAX ? n : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    void recordReplicas(int count) throws IOException {
        Files.createDirectories(home.run());
        Files.writeString(replicasFile(), count + "\n", StandardCharsets.UTF_8);
    }

    void forgetReplicas() throws IOException {
        Files.deleteIfExists(replicasFile());
    }

    private Path replicasFile() {
        return home.run().resolve("replicas");
    }

    /** One ./mash up, down or restart at a time in a checkout. */
    void lock() throws IOException {
        if (lockDepth++ > 0) {
            return;
        }
        Files.createDirectories(home.run());
        lockChannel = FileChannel.open(home.run().resolve("mash.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            lockDepth = 0;
            throw new MashException("another ./mash up or down is running in this checkout");
        }
    }

    void unlock() throws IOException {
        if (--lockDepth > 0) {
            return;
        }
        if (lock != null) {
            lock.release();
            lockChannel.close();
            lock = null;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
