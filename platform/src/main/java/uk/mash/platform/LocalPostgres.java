package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack's PostgreSQL: MASH_DB_URL's server, or a real PostgreSQL (zonky's binaries) with its
 * data kept in {@code .mash/postgres}, run by this tool's hidden {@code postgres} command as a
 * process of its own ({@link PostgresServer}).
 */
final class LocalPostgres {

    static final String NAME = "postgres";
    private static final String READY = "PostgreSQL ready on";

    private final MashHome home;
    private final Settings settings;
    private final Console console;
    private final RunFiles run;
    private final String toolClasspath;

    LocalPostgres(MashHome home, Settings settings, Console console, RunFiles run, String toolClasspath) {
        this.home = home;
        this.settings = settings;
        this.console = console;
        this.run = run;
        this.toolClasspath = toolClasspath;
    }

    /** The superuser JDBC URL: MASH_DB_URL, or the embedded server's. */
    String superuserUrl() {
        String external = settings.externalDatabase();
        return external != null ? external : "jdbc:postgresql://127.0.0.1:" + settings.pgPort() + "/postgres";
    }

    // PostgreSQL
    // ------------------------------------------------------------------------------------------

    String marker() {
        return "--data " + home.postgresData();
    }

    /** Starts the embedded PostgreSQL unless it runs; returns what to wait for, or null. */
    ServiceProcess launch() throws IOException, InterruptedException {
        if (settings.externalDatabase() != null) {
            console.say("PostgreSQL: using MASH_DB_URL (" + dbHostPort(settings.externalDatabase()) + ")");
            return null;
        }
        int port = settings.pgPort();
        ServiceProcess.ReadyCheck ready = () -> logSays(NAME, READY)
                && ServiceProcess.portOpen("127.0.0.1", port);
        Optional<ProcessHandle> running = run.runningPid(NAME, marker());
        if (running.isPresent()) {
            Integer was = run.recordedPort(NAME);
            if (was != null && was != port) {
                throw new MashException("PostgreSQL is running on port " + was + ", not " + port
                        + "; ./mash down first to change MASH_PG_PORT");
            }
            ServiceProcess p = ServiceProcess.attach("PostgreSQL", running.get(), home.log(NAME), ready);
            if (p.checkReady()) {
                console.say("PostgreSQL: already running (pid " + p.pid() + ") on 127.0.0.1:" + port);
                return null;
            }
            console.say("PostgreSQL: running (pid " + p.pid() + "), not ready yet");
            return p;
        }
        stopOrphan();
        if (ServiceProcess.portOpen("127.0.0.1", port)) {
            throw new MashException("port " + port + " is in use by another program: stop it, or set MASH_PG_PORT"
                    + " (or MASH_DB_URL to use that server)");
        }
        Files.createDirectories(home.postgresData());
        Files.createDirectories(home.postgresBin());
        ServiceProcess p = ServiceProcess.builder("PostgreSQL")
                .jvmOptions(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"))
                .mainClass(toolClasspath, Mash.class.getName(), List.of(NAME, "--data", home.postgresData().toString(),
                        "--bin", home.postgresBin().toString(), "--port", Integer.toString(port)))
                .log(home.log(NAME)).rotateLog().detached().readyWhen(ready)
                .start();
        run.record(NAME, p.pid(), port);
        console.say("PostgreSQL: starting (pid " + p.pid() + ") on 127.0.0.1:" + port + ", data in "
                + home.shown(home.postgresData()));
        return p;
    }

    private boolean logSays(String name, String text) {
        try {
            return Files.readString(home.log(name), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** A PostgreSQL left running on our data directory by a keeper process that died (kill -9). */
    Optional<ProcessHandle> orphan() {
        Path file = home.postgresData().resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return ServiceProcess.running(Long.parseLong(first), home.postgresData().toString())
                    .filter(h -> ServiceProcess.commandLine(h).contains("postgres"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void stopOrphan() throws IOException, InterruptedException {
        Optional<ProcessHandle> orphan = orphan();
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        console.print("PostgreSQL: stopping a server left behind on " + home.shown(home.postgresData()) + " (pid " + pid + ") ");
        // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave)
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        Instant deadline = Instant.now().plus(settings.stopTimeout());
        while (orphan.get().isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                orphan.get().destroyForcibly();
                break;
            }
            console.print(".");
            Thread.sleep(500);
        }
        console.say(" stopped");
    }

    /** host:port of a JDBC URL {@code jdbc:postgresql://host[:port][,...]/db?params}. */
    static String dbHostPort(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        int q = rest.indexOf('?');
        rest = q < 0 ? rest : rest.substring(0, q);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /**
     * The JDBC URL of a service's own database: the server of MASH_DB_URL (its query parameters
     * except user and password kept) or the embedded one.
     */
    String serviceDbUrl(String database) {
        String external = settings.externalDatabase();
        if (external == null) {
            return "jdbc:postgresql://127.0.0.1:" + settings.pgPort() + "/" + database;
        }
        List<String> kept = new ArrayList<>();
        int q = external.indexOf('?');
        if (q >= 0) {
            for (String param : external.substring(q + 1).split("&")) {
                if (!param.isEmpty() && !param.startsWith("user=") && !param.startsWith("password=")) {
                    kept.add(param);
                }
            }
        }
        return "jdbc:postgresql://" + dbHostPort(external) + "/" + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
}
