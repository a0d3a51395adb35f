package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK the services run on. The code is built for Java 17 ({@code maven.compiler.release}),
 * and runs as it is on any newer JDK; from JDK 25 on the JVM can keep an ahead-of-time cache of a
 * service's classes, loaded and linked by a training run (JEP 483, JEP 514: {@code
 * -XX:AOTCacheOutput}, {@code -XX:AOTCache}), which {@code ./mash up} makes and uses
 * ({@link AotCache}). So the services run on the newest JDK 25 or later found among the
 * machine's JDKs ({@code /usr/lib/jvm}, and the tool's own), else on the tool's own JDK (17) with
 * no cache; {@code MASH_SERVICE_JAVA_HOME} names one instead.
 */
public record ServiceJava(Path home, Runtime.Version version) {

    /** The setting that names the services' JDK (its home directory, as JAVA_HOME would). */
    public static final String VARIABLE = "MASH_SERVICE_JAVA_HOME";
    /** The first Java release whose JVM makes and uses an AOT cache in one training run (JEP 514). */
    public static final int AOT_CACHE_FROM = 25;
    /** What the services are compiled for: an older JVM cannot load their classes. */
    public static final int OLDEST = 17;
    /** Where Debian's (and Temurin's) packages install JDKs: each directory one JDK home. */
    public static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");

    /** The full version with its build ("25.0.3+9-LTS"): a cache is only good for the exact JVM that made it. */
    private static final Pattern RUNTIME_VERSION = Pattern.compile("(?m)^JAVA_RUNTIME_VERSION=\"([^\"]+)\"");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

    /** {@code HOME/bin/java}. */
    public String java() {
        return home.resolve("bin").resolve("java").toString();
    }

    /** The Java release, 17 or 25. */
    public int feature() {
        return version.feature();
    }

    /** Whether this JVM makes and uses an AOT cache ({@link #AOT_CACHE_FROM} and newer). */
    public boolean aotCache() {
        return feature() >= AOT_CACHE_FROM;
    }

    /** For messages: "JDK 25.0.1 (/usr/lib/jvm/temurin-25-jdk-amd64)". */
    public String describe() {
        return "JDK " + version + " (" + home + ")";
    }

    /** The JDK this tool runs on. */
    public static ServiceJava tool() {
        return new ServiceJava(Path.of(System.getProperty("java.home")), Runtime.version());
    }

    /** {@link #choose(Map, ServiceJava, Path)} on this machine. */
    public static ServiceJava of(Map<String, String> env) {
        return choose(env, tool(), JVM_DIRECTORY);
    }

    /**
     * {@code MASH_SERVICE_JAVA_HOME} when set; else the newest JDK of {@link #AOT_CACHE_FROM} or
     * later among {@code installed}'s directories and the tool's own; else the tool's own.
     *
     * @throws IllegalArgumentException when MASH_SERVICE_JAVA_HOME is no JDK of 17 or newer
     */
    public static ServiceJava choose(Map<String, String> env, ServiceJava tool, Path installed) {
        String named = env.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named.trim());
            if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
                throw new IllegalArgumentException(VARIABLE + " must be a JDK's home directory (with bin/java), not '"
                        + named + "'");
            }
            Runtime.Version version = versionOf(home).orElseThrow(() -> new IllegalArgumentException(
                    VARIABLE + ": no JAVA_VERSION in " + home.resolve("release") + " (is '" + named + "' a JDK?)"));
            if (version.feature() < OLDEST) {
                throw new IllegalArgumentException(VARIABLE + " must be a JDK " + OLDEST + " or newer (the services are"
                        + " built for " + OLDEST + "), not " + version);
            }
            return new ServiceJava(home, version);
        }
        List<ServiceJava> found = new ArrayList<>(installed(installed));
        found.add(tool);
        return found.stream().filter(ServiceJava::aotCache)
                .max(Comparator.comparing(ServiceJava::version))
                .orElse(tool);
    }

    /** Every JDK home directly under {@code directory} whose {@code release} file says its version. */
    static List<ServiceJava> installed(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(directory)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin").resolve("java")))
                    .flatMap(d -> versionOf(d).map(v -> new ServiceJava(d, v)).stream())
                    .sorted(Comparator.comparing(ServiceJava::home))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * A JDK's version from its {@code release} file ({@code JAVA_RUNTIME_VERSION="25.0.3+9-LTS"},
     * else {@code JAVA_VERSION="25.0.3"}), read rather than asked of {@code java -version}: no JVM
     * is started to find out.
     */
    static Optional<Runtime.Version> versionOf(Path home) {
        String release;
        try {
            release = Files.readString(home.resolve("release"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Pattern p : List.of(RUNTIME_VERSION, JAVA_VERSION)) {
            Matcher m = p.matcher(release);
            if (m.find()) {
                try {
                    return Optional.of(Runtime.Version.parse(m.group(1)));
                } catch (IllegalArgumentException e) {
                    // not in Runtime.Version's form: try the plainer line
                }
            }
        }
        return Optional.empty();
    }
}
