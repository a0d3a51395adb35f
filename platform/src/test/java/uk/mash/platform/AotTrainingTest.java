package uk.mash.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AOT cache against real processes ({@link TinyService}, packaged as a jar as a service is),
 * on the JDK {@code ./mash up} would choose on this machine: on a JDK of 25 or newer a training
 * run writes the cache as it stops on SIGTERM, the next start uses it, and a start on a cache
 * that no longer fits its jar still starts; on JDK 17 nothing is trained and the service starts
 * as before. Whichever JDK this machine has, the test passes on it.
 */
class AotTrainingTest {

    private static final List<String> OPTIONS = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void aTrainingRunWritesTheCacheOnSigtermAndTheServiceStartsOnItOrOnJdk17WithoutOne() throws Exception {
        ServiceJava java = ServiceJava.of(System.getenv());
        Path jar = tinyServiceJar();
        MashHome home = new MashHome(dir);
        AotCache cache = AotCache.of(home.build().resolve("aot"), "tiny", jar.getParent(), java, OPTIONS);
        ServiceJvm jvm = new ServiceJvm(java, OPTIONS, cache);
        int port = freePort();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false);

        List<String> made = new AotTraining(home, console, Duration.ofSeconds(60))
                .train(jvm.needsTraining() ? List.of(new AotTraining.Trainee("tiny", jvm, tiny(java, jar, port), port)) : List.of());

        if (!java.aotCache()) {
            assertThat(made).isEmpty();
            assertThat(jvm.needsTraining()).isFalse();
            assertThat(jvm.startOptions()).isEqualTo(OPTIONS);
            assertThat(start(tiny(java, jar, port).jvmOptions(jvm.startOptions()), home, "tiny").logSinceStart())
                    .contains("tiny service ready");
            return;
        }
        assertThat(made).as(out.toString(StandardCharsets.UTF_8)).containsExactly("tiny");
        assertThat(cache.file()).isNotEmptyFile();
        assertThat(cache.trainingFile()).doesNotExist();
        assertThat(Files.readString(home.log("tiny-aot-training"))).as("stopped by SIGTERM, then the cache written")
                .contains("stopped cleanly", "AOTCache creation is complete");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tiny: training its AOT cache on JDK " + java.version())
                .containsPattern("made in [0-9.]+ s \\(.mash/build/aot/tiny-[0-9a-f]{16}\\.aot, [0-9]+ MB\\)");
        assertThat(jvm.needsTraining()).isFalse();
        assertThat(jvm.startOptions()).endsWith("-XX:AOTCache=" + cache.file());

        // AOTMode=on: the JVM refuses to start unless it can use the cache, so this start used it
        List<String> mustUse = new ArrayList<>(jvm.startOptions());
        mustUse.add("-XX:AOTMode=on");
        ServiceProcess withCache = start(tiny(java, jar, port).jvmOptions(mustUse), home, "tiny");
        assertThat(withCache.logSinceStart()).contains("tiny service ready");
        withCache.stop(Duration.ofSeconds(30));

        // rebuilt: the old cache is not named (JDK 25.0.3 would run its cached classes: JDK-8377932),
        // the service trains again, and meanwhile starts without one
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ServiceJvm rebuilt = new ServiceJvm(java, OPTIONS, AotCache.of(home.build().resolve("aot"), "tiny", jar.getParent(), java, OPTIONS));
        assertThat(rebuilt.needsTraining()).isTrue();
        assertThat(rebuilt.startOptions()).isEqualTo(OPTIONS);
        start(tiny(java, jar, port).jvmOptions(rebuilt.startOptions()), home, "tiny").stop(Duration.ofSeconds(30));

        // a cache gone between the check and the start: the JVM starts without it
        List<String> gone = new ArrayList<>(OPTIONS);
        gone.add("-XX:AOTCache=" + dir.resolve("gone.aot"));
        assertThat(start(tiny(java, jar, port).jvmOptions(gone), home, "tiny").logSinceStart()).contains("tiny service ready");
    }

    private ServiceProcess start(ServiceProcess.Builder builder, MashHome home, String name) throws Exception {
        ServiceProcess p = builder.log(home.log(name)).build();
        started.add(p);
        p.start().awaitReady(Duration.ofSeconds(60));
        return p;
    }

    private static ServiceProcess.Builder tiny(ServiceJava java, Path jar, int port) {
        return ServiceProcess.builder("tiny").java(java.java())
                .mainClass(jar.toString(), TinyService.class.getName(), List.of(Integer.toString(port), "0"))
                .readyWhen(ServiceProcess.ReadyCheck.health(port));
    }

    /** TinyService's classes in a jar: an AOT cache holds classes from jars, not from directories. */
    private Path tinyServiceJar() throws Exception {
        Path classes = Path.of(TinyService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("app/tiny-service.jar"); // in a directory of its own, as a service's quarkus-app
        Files.createDirectories(jar.getParent());
        String pkg = TinyService.class.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> all = Files.list(classes.resolve(pkg))) {
            for (Path c : all.filter(p -> p.getFileName().toString().startsWith(TinyService.class.getSimpleName())).toList()) {
                out.putNextEntry(new JarEntry(pkg + "/" + c.getFileName()));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
