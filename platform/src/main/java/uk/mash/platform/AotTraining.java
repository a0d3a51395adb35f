package uk.mash.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The training runs that make services' AOT caches ({@link AotCache}): each service is started as
 * it will run (same JDK, options, environment, database and broker) with {@code
 * -XX:AOTCacheOutput}, waited for until {@code /q/health/ready} answers, asked for its health,
 * metrics and API description (what every start then loads), and stopped with SIGTERM: the JVM
 * writes the cache as it exits (JEP 514: it records what was loaded and linked, then a child JVM
 * assembles the file). The services train one after the other, once after each build.
 *
 * <p>A training run that fails (not ready, no cache written, not stopped in time) is said and
 * otherwise ignored: the service then starts without a cache, as it would on JDK 17.
 */
final class AotTraining {

    /** One service to train: its name, its JVM (with the cache to make) and its process, not started, on {@code port}. */
    record Trainee(String name, ServiceJvm jvm, ServiceProcess.Builder process, int port) {
    }

    /**
     * How long the JVM may take, after SIGTERM, to stop and assemble the cache: tens of seconds
     * for a service on two shared cores (it reads back every class it loaded), several at once.
     */
    static final Duration ASSEMBLY_TIMEOUT = Duration.ofSeconds(300);
    /** What the training run is asked for once ready, besides the readiness check itself. */
    static final List<String> EXERCISED = List.of("/q/health/ready", "/q/health/live", "/q/health", "/q/metrics",
            "/q/openapi");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Console console;
    private final Duration startTimeout;
    private final MashHome home;

    AotTraining(MashHome home, Console console, Duration startTimeout) {
        this.home = home;
        this.console = console;
        this.startTimeout = startTimeout;
    }

    /**
     * Trains these services one after the other (side by side, on two shared cores, their starts
     * took so long that connection pools timed out); returns the names of those whose cache was made.
     */
    List<String> train(List<Trainee> trainees) throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (Trainee t : trainees) {
            if (train(t)) {
                made.add(t.name());
            }
        }
        return made;
    }

    private boolean train(Trainee t) throws InterruptedException {
        Instant start = Instant.now();
        ServiceProcess p;
        try {
            Files.createDirectories(t.jvm().cache().file().getParent());
            t.jvm().cache().discardTraining();
            p = t.process().jvmOptions(t.jvm().trainingOptions()).log(home.log(t.name() + "-aot-training")).rotateLog().build();
        } catch (IOException e) {
            console.warn(t.name() + ": its AOT training run did not start (" + e.getMessage() + "); it starts without a cache");
            return false;
        }
        // a ./mash stopped by Ctrl-C mid-training takes the training run with it (it is no service of the stack)
        Thread cleanup = new Thread(() -> killWithChildren(p));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            p.start();
            console.print(t.name() + ": training its AOT cache on " + t.jvm().java().describe() + " (pid " + p.pid()
                    + "; log " + home.shown(p.log()) + ") ");
            try {
                p.awaitReady(startTimeout, () -> console.print("."));
                exercise(t.port());
            } catch (ServiceProcess.NotReady notReady) {
                console.say("");
                console.warn(t.name() + ": its AOT training run did not become ready (" + notReady.getMessage()
                        + "); it starts without a cache");
                return false;
            }
            p.terminate();
            if (!p.waitFor(ASSEMBLY_TIMEOUT)) {
                console.say("");
                console.warn(t.name() + ": its AOT training run had not written the cache " + ASSEMBLY_TIMEOUT.toSeconds()
                        + " s after SIGTERM (killed); it starts without one");
                return false;
            }
            if (!keep(t.jvm().cache())) {
                console.say("");
                console.warn(t.name() + ": its AOT training run wrote no cache (log " + home.shown(p.log())
                        + "); it starts without one");
                return false;
            }
            console.say(" made in " + Console.seconds(Duration.between(start, Instant.now())) + " ("
                    + home.shown(t.jvm().cache().file()) + ", " + megabytes(t.jvm().cache().file()) + " MB)");
            return true;
        } catch (IOException e) {
            console.warn(t.name() + ": its AOT training run did not start (" + e.getMessage() + "); it starts without a cache");
            return false;
        } finally {
            killWithChildren(p);
            if (!t.jvm().cache().present()) {
                discard(t.jvm().cache());
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    private void discard(AotCache cache) {
        try {
            cache.discardTraining();
        } catch (IOException e) {
            // left for the next training run, which deletes it first
        }
    }

    private boolean keep(AotCache cache) {
        try {
            return cache.keepTrained();
        } catch (IOException e) {
            console.warn("could not keep " + home.shown(cache.trainingFile()) + " (" + e.getMessage() + ")");
            return false;
        }
    }

    /** What every start of a service meets: its health checks, metrics and API description, each asked once. */
    private static void exercise(int port) throws InterruptedException {
        for (String path : EXERCISED) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build();
            try {
                HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // a path a service does not serve is no reason not to train on the others
            }
        }
    }

    /** The training JVM and the child it starts to assemble the cache. */
    private static void killWithChildren(ServiceProcess p) {
        if (p.isAlive()) {
            ProcessHandle.of(p.pid()).ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
            p.kill();
        }
    }

    private static long megabytes(Path file) {
        try {
            return Math.round(Files.size(file) / 1_048_576.0);
        } catch (IOException e) {
            return 0;
        }
    }
}
