package uk.mash.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a real PostgreSQL (zonky's embedded binaries) with a fixed, kept data directory until
 * this process gets SIGTERM; then stops PostgreSQL cleanly.
 */
@Command(name = "postgres", hidden = true, mixinStandardHelpOptions = true,
        description = "Run PostgreSQL on 127.0.0.1:PORT until SIGTERM (./mash up starts this as its own process).")
final class PostgresServer implements Callable<Integer> {

    /**
     * The superuser {@code postgres} needs no password from this machine (it is only used to
     * create the services' roles); every other role logs in with its password, so a service
     * given the wrong one fails here as it would on a real server.
     */
    /**
     * Room for {@code ./mash up --replicas 9}: each replica of the four services may hold up to 90
     * connections (LocalStack's CONNECTIONS_PER_REPLICA), plus the tools'. A slot costs tens of
     * kilobytes of shared memory whether used or not (about 20 MB for all of these); a backend
     * process is only made for a connection actually opened.
     */
    static final int MAX_CONNECTIONS = 1000;

    static final String PG_HBA = String.join("\n",
            "# written by ./mash up at every start",
            "# TYPE  DATABASE  USER      ADDRESS        METHOD",
            "local   all       postgres                 trust",
            "host    all       postgres  127.0.0.1/32   trust",
            "host    all       postgres  ::1/128        trust",
            "local   all       all                      scram-sha-256",
            "host    all       all       127.0.0.1/32   scram-sha-256",
            "host    all       all       ::1/128        scram-sha-256",
            "");

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data directory (kept)")
    Path data;

    @Option(names = "--port", defaultValue = "5432", paramLabel = "PORT")
    int port;

    @Option(names = "--bin", paramLabel = "DIR", description = "where the binaries are unpacked (default: beside DATA)")
    Path bin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        Path data = this.data.toAbsolutePath().normalize();
        Path bin = (this.bin != null ? this.bin : data.resolveSibling("bin")).toAbsolutePath().normalize();
        Files.createDirectories(data);
        Files.createDirectories(bin);

        removeUnfinishedBinaries(bin, out);

        Optional<Long> running = runningPostmaster(data);
        if (running.isPresent()) {
            err.println("a PostgreSQL (pid " + running.get() + ") is already running on " + data
                    + "; stop it first (./mash down)");
            return 1;
        }

        long started = System.nanoTime();
        EmbeddedPostgres pg = start(data, bin, port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping PostgreSQL");
            try {
                pg.close();
                out.println("PostgreSQL stopped");
            } catch (IOException e) {
                err.println("could not stop PostgreSQL cleanly: " + e);
            }
            out.flush();
            stopped.countDown();
        }, "postgres-stopper"));

        out.printf("PostgreSQL ready on 127.0.0.1:%d (data %s) in %d ms%n",
                port, data, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        out.flush();

        // Stay up until SIGTERM; leave if the postmaster dies under us, so that status shows it.
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (runningPostmaster(data).isEmpty()) {
                err.println("the PostgreSQL server process has gone; exiting");
                return 1;
            }
        }
        return 0;
    }

    /**
     * Starts the server on a kept data directory. Durable as a production server is: zonky's
     * defaults are for throw-away test databases (it passes {@code -F}, fsync off, and sets
     * {@code synchronous_commit=off}), under which a commit that intake answered 202 for can be
     * lost when PostgreSQL or the machine stops abruptly. Both are turned back on here (a later
     * {@code -c fsync=on} overrides {@code -F}).
     */
    static EmbeddedPostgres start(Path data, Path bin, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(bin.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: no socket in /tmp to collide with another PostgreSQL on the same port
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(dir -> writePgHba(dir.toPath()))
                .start();
    }

    /**
     * zonky unpacks the binaries into {@code BIN/PG-<digest>} and marks the end with {@code .exists};
     * an unpacking that died half-way (killed, out of memory) would make every later start fail.
     */
    static void removeUnfinishedBinaries(Path bin, PrintStream out) throws IOException {
        try (Stream<Path> children = Files.list(bin)) {
            for (Path dir : (Iterable<Path>) children::iterator) {
                if (Files.isDirectory(dir) && dir.getFileName().toString().startsWith("PG-")
                        && !Files.exists(dir.resolve(".exists"))) {
                    out.println("removing unfinished PostgreSQL binaries " + dir);
                    try (Stream<Path> walk = Files.walk(dir)) {
                        for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }

    static void writePgHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid in {@code postmaster.pid} when that process is alive. */
    static Optional<Long> runningPostmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
