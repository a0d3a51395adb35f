package uk.mash.platform;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** ./mash up builds the services when a packaged one is missing or a source of theirs changed, and only then. */
class ServiceBuildTest {

    @TempDir
    Path root;

    private ServiceBuild build;
    private final Instant built = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeEach
    void aCheckoutWithEveryServicePackaged() throws Exception {
        touch(root.resolve("pom.xml"), built.minusSeconds(60));
        for (String module : new String[] {"contracts", "platform", "e2e", "bench"}) {
            touch(root.resolve(module).resolve("pom.xml"), built.minusSeconds(60));
            touch(root.resolve(module).resolve("src/main/java/A.java"), built.minusSeconds(60));
        }
        for (Service s : ServiceCatalog.SERVICES) {
            touch(root.resolve(s.module()).resolve("pom.xml"), built.minusSeconds(60));
            touch(root.resolve(s.module()).resolve("src/main/java/Resource.java"), built.minusSeconds(60));
            touch(s.jar(root), built);
        }
        MashHome home = new MashHome(root);
        Console quiet = new Console(new PrintStream(PrintStream.nullOutputStream()), new PrintStream(PrintStream.nullOutputStream()), false);
        build = new ServiceBuild(home, quiet, new RunFiles(home), Settings.of(Map.of()).services(), false);
    }

    @Test
    void nothingToBuildWhenEveryJarIsNewerThanTheSources() throws Exception {
        assertThat(build.servicesStale()).isFalse();
    }

    @Test
    void aMissingJarIsBuilt() throws Exception {
        Files.delete(ServiceCatalog.ROUTING.jar(root));
        assertThat(build.servicesStale()).isTrue();
    }

    @Test
    void aChangedSourceOfAServiceOrOfAModuleTheyShareIsBuilt() throws Exception {
        touch(root.resolve("intake-service/src/main/java/Resource.java"), built.plusSeconds(5));
        assertThat(build.servicesStale()).isTrue();
        touch(root.resolve("intake-service/src/main/java/Resource.java"), built.minusSeconds(5));
        touch(root.resolve("contracts/src/main/java/A.java"), built.plusSeconds(5));
        assertThat(build.servicesStale()).isTrue();
    }

    @Test
    void theToolTheBenchTheEndToEndTestsAndBuildOutputAreNotServiceSources() throws Exception {
        touch(root.resolve("platform/src/main/java/A.java"), built.plusSeconds(5));
        touch(root.resolve("bench/src/main/java/A.java"), built.plusSeconds(5));
        touch(root.resolve("e2e/src/main/java/A.java"), built.plusSeconds(5));
        touch(root.resolve("audit-service/target/classes/Resource.class"), built.plusSeconds(5));
        assertThat(build.servicesStale()).isFalse();
    }

    @Test
    void aJarPackagedOtherwiseThanTheServicesJdkWantsIsBuiltAgain() throws Exception {
        MashHome home = new MashHome(root);
        Console quiet = new Console(new PrintStream(PrintStream.nullOutputStream()), new PrintStream(PrintStream.nullOutputStream()), false);
        ServiceBuild forAot = new ServiceBuild(home, quiet, new RunFiles(home), Settings.of(Map.of()).services(), true);
        for (Service s : ServiceCatalog.SERVICES) {
            packaged(s.jar(root), ServiceBuild.AOT_JAR_MAIN);
        }
        assertThat(forAot.servicesStale()).as("aot-jar wanted and found").isFalse();
        assertThat(build.servicesStale()).as("JDK 17: the default fast-jar starts faster than an aot-jar").isTrue();

        // ./mvnw verify (./mash test) packages the default again
        packaged(ServiceCatalog.AUDIT.jar(root), "io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        assertThat(forAot.servicesStale()).isTrue();
        assertThat(ServiceBuild.aotJar(ServiceCatalog.AUDIT.jar(root))).contains(false);
        assertThat(ServiceBuild.aotJar(ServiceCatalog.INTAKE.jar(root))).contains(true);
    }

    /** A jar whose manifest names {@code mainClass}, dated as built. */
    private void packaged(Path jar, String mainClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        Files.setLastModifiedTime(jar, FileTime.from(built));
    }

    private static void touch(Path file, Instant when) throws Exception {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(when));
    }
}
