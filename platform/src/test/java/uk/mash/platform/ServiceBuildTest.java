package uk.mash.platform;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
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
        build = new ServiceBuild(home, quiet, new RunFiles(home), Settings.of(Map.of()).services());
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

    private static void touch(Path file, Instant when) throws Exception {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(when));
    }
}
