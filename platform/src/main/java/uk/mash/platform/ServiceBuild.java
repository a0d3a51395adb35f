package uk.mash.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Whether the services' packaged applications are older than their sources, and building them
 * (and the broker's jars) with the Maven wrapper.
 */
final class ServiceBuild {

    /** Tools and tests, not services: a change in them needs no rebuild of the services. */
    private static final List<String> NOT_SERVICE_SOURCES = List.of("deploy", "platform", "bench", "e2e");

    private final MashHome home;
    private final Console console;
    private final RunFiles run;
    /** The main class of Quarkus's {@code aot-jar} packaging (every class on the JVM's class path). */
    static final String AOT_JAR_MAIN = "io.quarkus.bootstrap.runner.AotQuarkusEntryPoint";

    private final List<Service> services;
    private final boolean aotPackaging;

    /**
     * {@code aotPackaging}: package the services as Quarkus's {@code aot-jar} (for a JDK's AOT
     * cache, {@link Settings#aotPackaging()}), else as its default {@code fast-jar}, which starts
     * faster without a cache.
     */
    ServiceBuild(MashHome home, Console console, RunFiles run, List<Service> services, boolean aotPackaging) {
        this.home = home;
        this.console = console;
        this.run = run;
        this.services = services;
        this.aotPackaging = aotPackaging;
    }


    /**
     * Packages the services when a jar is missing or a source changed since the last build; never
     * under a running service (it says so instead). Maven's {@code package}, not {@code install}:
     * the reactor finds its modules in their target directories, and nothing is written to the
     * shared local repository.
     */
    void buildIfNeeded() throws IOException, InterruptedException {
        if (services.isEmpty() || !servicesStale()) {
            return;
        }
        List<String> running = new ArrayList<>();
        for (Service s : services) {
            if (run.runningPid(s.name(), s.jar(home.root()).toString()).isPresent()) {
                running.add(s.name());
            }
        }
        if (!running.isEmpty()) {
            console.warn("sources changed since " + String.join(" ", running) + " was built; not rebuilding under"
                    + " running services. Run ./mash down && ./mash up to rebuild and restart.");
            return;
        }
        Path stamp = home.build().resolve("services.stamp");
        Path next = home.build().resolve("services.stamp.new");
        Files.deleteIfExists(next);
        Files.createFile(next);
        List<String> modules = ServiceCatalog.SERVICES.stream().map(Service::module)
                .filter(m -> Files.isDirectory(home.root().resolve(m))).toList();
        List<String> args = new ArrayList<>(List.of("-B", "-q", "-DskipTests", "package", "-pl", String.join(",", modules), "-am"));
        if (aotPackaging) {
            // every class on the JVM's class path, where the AOT cache can hold it (README, "How to configure it")
            args.add("-Dquarkus.package.jar.type=aot-jar");
        }
        maven("the services" + (aotPackaging ? " for the AOT cache" : ""), args);
        Files.move(next, stamp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Service s : services) {
            if (!Files.isRegularFile(s.jar(home.root()))) {
                throw new MashException("the build made no " + home.shown(s.jar(home.root()))
                        + " (is " + s.module() + " a Quarkus module with the quarkus-maven-plugin?)");
            }
        }
    }

    /**
     * Some service has no jar, is packaged otherwise than wanted ({@code aot-jar} or not: a
     * {@code ./mvnw verify} packages the default), or a source changed since the last build.
     */
    boolean servicesStale() throws IOException {
        Instant oldest = null;
        for (Service s : services) {
            Path jar = s.jar(home.root());
            if (!Files.isRegularFile(jar)) {
                return true;
            }
            Optional<Boolean> aot = aotJar(jar);
            if (aot.isPresent() && aot.get() != aotPackaging) {
                return true;
            }
            Instant t = Files.getLastModifiedTime(jar).toInstant();
            oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
        }
        if (oldest == null) {
            return false;
        }
        Path stamp = home.build().resolve("services.stamp");
        Instant reference = Files.exists(stamp) ? Files.getLastModifiedTime(stamp).toInstant() : oldest;
        List<Path> sources = new ArrayList<>(List.of(home.root().resolve("pom.xml")));
        try (Stream<Path> dirs = Files.list(home.root())) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> !NOT_SERVICE_SOURCES.contains(d.getFileName().toString()))
                    .forEach(sources::add);
        }
        return newerThan(reference, sources);
    }

    /** Whether a packaged service is an {@code aot-jar} (its manifest's Main-Class); empty when the jar cannot be read. */
    static Optional<Boolean> aotJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            return main == null ? Optional.empty() : Optional.of(AOT_JAR_MAIN.equals(main.trim()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file under one of {@code paths} modified after {@code reference} (build output and state aside). */
    static boolean newerThan(Instant reference, List<Path> paths) throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                boolean found = files
                        .filter(p -> {
                            Path rel = path.relativize(p);
                            for (Path part : rel) {
                                String n = part.toString();
                                if (n.equals("target") || n.equals("node_modules") || n.equals(".mash")) {
                                    return false;
                                }
                            }
                            return true;
                        })
                        .filter(Files::isRegularFile)
                        .anyMatch(p -> {
                            try {
                                return Files.getLastModifiedTime(p).toInstant().isAfter(reference);
                            } catch (IOException e) {
                                return false;
                            }
                        });
                if (found) {
                    return true;
                }
            } catch (UncheckedIOException e) {
                // a file went away while looking (a build in progress): look again next time
            }
        }
        return false;
    }

    void maven(String label, List<String> args) throws IOException, InterruptedException {
        Instant start = Instant.now();
        console.say("build: " + label + " (./mvnw " + String.join(" ", args) + ")");
        List<String> command = new ArrayList<>(List.of(home.root().resolve("mvnw").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(home.root().toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (p.waitFor() != 0) {
            throw new MashException("build failed: " + label + ". Fix the errors above, or run ./mvnw -B -DskipTests package"
                    + " to see the whole build.");
        }
        console.say("build: done in " + Console.seconds(Duration.between(start, Instant.now())));
    }
}
