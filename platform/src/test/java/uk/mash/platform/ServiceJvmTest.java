package uk.mash.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line a service starts with: the AOT cache flags only on a JDK of 25 or newer, a
 * training run only while there is no cache for this jar, and a rebuilt jar, another JDK or other
 * options never started on a cache made for something else.
 */
class ServiceJvmTest {

    @TempDir
    Path dir;

    private Path jdk17;
    private Path jdk25;
    private Path jar;
    private Path caches;

    @BeforeEach
    void twoJdksAndAPackagedService() throws Exception {
        jdk17 = FakeJdks.jdk(dir.resolve("jvm"), "java-17-openjdk-amd64", "17.0.15+6");
        jdk25 = FakeJdks.jdk(dir.resolve("jvm"), "temurin-25-jdk-amd64", "25.0.3+9-LTS");
        jar = dir.resolve("intake-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "a jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-02T10:00:00Z")));
        caches = dir.resolve(".mash/build/aot");
    }

    private ServiceJvm jvm(Map<String, String> env) throws Exception {
        return ServiceJvm.of(Settings.of(env), ServiceCatalog.INTAKE, jar.getParent(), caches);
    }

    @Test
    void onJdk17TheOptionsAloneAndNoTraining() throws Exception {
        ServiceJvm jvm = jvm(Map.of(ServiceJava.VARIABLE, jdk17.toString()));

        assertThat(jvm.java().java()).isEqualTo(jdk17.resolve("bin/java").toString());
        assertThat(jvm.startOptions()).isEqualTo(Settings.of(Map.of()).jvmOptionsOf(ServiceCatalog.INTAKE))
                .noneMatch(o -> o.startsWith("-XX:AOT"));
        assertThat(jvm.needsTraining()).isFalse();
        assertThat(jvm.cache()).isNull();
        assertThatThrownBy(jvm::trainingOptions).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onJdk25WithoutACacheATrainingRunWritesOneThenEveryStartUsesIt() throws Exception {
        ServiceJvm jvm = jvm(Map.of(ServiceJava.VARIABLE, jdk25.toString()));

        assertThat(jvm.needsTraining()).isTrue();
        assertThat(jvm.startOptions()).as("no cache yet: none named").noneMatch(o -> o.startsWith("-XX:AOT"));
        AotCache cache = jvm.cache();
        assertThat(cache.file().getParent()).isEqualTo(caches);
        assertThat(cache.file().getFileName().toString()).matches("intake-[0-9a-f]{16}\\.aot");
        assertThat(jvm.trainingOptions()).containsSequence(Settings.DEFAULT_SERVICE_JVM_OPTS.split(" "))
                .endsWith("-XX:AOTCacheOutput=" + cache.trainingFile());

        // the training run wrote it as it exited
        Files.createDirectories(caches);
        Files.writeString(cache.trainingFile(), "cache");
        assertThat(cache.keepTrained()).isTrue();

        ServiceJvm next = jvm(Map.of(ServiceJava.VARIABLE, jdk25.toString()));
        assertThat(next.needsTraining()).as("trained once per jar").isFalse();
        assertThat(next.startOptions()).endsWith("-XX:AOTCache=" + cache.file())
                .containsSequence(Settings.DEFAULT_SERVICE_JVM_OPTS.split(" "));
    }

    @Test
    void aRebuiltJarAnotherJdkOrOtherOptionsNeedACacheOfTheirOwn() throws Exception {
        Map<String, String> env = Map.of(ServiceJava.VARIABLE, jdk25.toString());
        AotCache first = jvm(env).cache();
        Files.createDirectories(caches);
        Files.writeString(first.trainingFile(), "cache");
        first.keepTrained();
        assertThat(jvm(env).needsTraining()).isFalse();

        assertThat(jvm(Map.of(ServiceJava.VARIABLE, jdk25.toString(), "MASH_SERVICE_JVM_OPTS", "-Xmx200m")).needsTraining())
                .as("other options").isTrue();
        Path jdk25b = FakeJdks.jdk(dir.resolve("jvm"), "temurin-25.0.4", "25.0.4+7-LTS");
        assertThat(jvm(Map.of(ServiceJava.VARIABLE, jdk25b.toString())).needsTraining()).as("another JDK").isTrue();

        Path library = jar.resolveSibling("lib/main/uk.mash.contracts-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(library.getParent());
        Files.writeString(library, "a library");
        assertThat(jvm(env).needsTraining()).as("a jar the application's jar names changed").isTrue();
        Files.delete(library);
        assertThat(jvm(env).needsTraining()).isFalse();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-02T11:00:00Z")));
        ServiceJvm rebuilt = jvm(env);
        assertThat(rebuilt.needsTraining()).as("a rebuilt jar").isTrue();
        assertThat(rebuilt.startOptions()).as("never the old jar's cache").noneMatch(o -> o.startsWith("-XX:AOT"));

        // its training replaces the old jar's cache, and leaves other services' alone
        Path routing = caches.resolve("routing-0123456789abcdef.aot");
        Files.writeString(routing, "routing's");
        Files.writeString(rebuilt.cache().trainingFile(), "new cache");
        assertThat(rebuilt.cache().keepTrained()).isTrue();
        assertThat(first.file()).doesNotExist();
        assertThat(rebuilt.cache().file()).hasContent("new cache");
        assertThat(routing).exists();
    }

    @Test
    void aTrainingRunThatWroteNothingLeavesNoCache() throws Exception {
        ServiceJvm jvm = jvm(Map.of(ServiceJava.VARIABLE, jdk25.toString()));
        Files.createDirectories(caches);

        assertThat(jvm.cache().keepTrained()).isFalse();
        Files.createFile(jvm.cache().trainingFile());
        assertThat(jvm.cache().keepTrained()).as("an empty file is no cache").isFalse();
        assertThat(jvm.cache().trainingFile()).doesNotExist();
        assertThat(jvm.needsTraining()).isTrue();
    }

    @Test
    void mashServiceAotOffStartsWithoutACacheOnJdk25AndPackagesTheDefaultJar() throws Exception {
        Settings off = Settings.of(Map.of(ServiceJava.VARIABLE, jdk25.toString(), Settings.AOT_VARIABLE, "off"));
        ServiceJvm jvm = ServiceJvm.of(off, ServiceCatalog.INTAKE, jar.getParent(), caches);

        assertThat(jvm.java().feature()).isEqualTo(25);
        assertThat(jvm.needsTraining()).isFalse();
        assertThat(jvm.startOptions()).noneMatch(o -> o.startsWith("-XX:AOT"));
        assertThat(off.aotPackaging()).isFalse();
        assertThat(Settings.of(Map.of(ServiceJava.VARIABLE, jdk25.toString())).aotPackaging()).isTrue();
        assertThat(Settings.of(Map.of(ServiceJava.VARIABLE, jdk17.toString())).aotPackaging()).isFalse();
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.AOT_VARIABLE, "yes")))
                .hasMessage("MASH_SERVICE_AOT must be on or off, not 'yes'");
    }
}
