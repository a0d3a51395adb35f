package uk.mash.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which JDK the services run on: the newest of 25 or later found, else the tool's own; MASH_SERVICE_JAVA_HOME decides. */
class ServiceJavaTest {

    @TempDir
    Path jvms;

    private final ServiceJava tool17 = new ServiceJava(Path.of("/opt/tool-jdk"), Runtime.Version.parse("17.0.15+6"));

    @Test
    void theNewestJdkOf25OrLaterIsChosenWithItsAotCache() throws Exception {
        FakeJdks.jdk(jvms, "java-17-openjdk-amd64", "17.0.15+6-Debian-1deb12u1");
        FakeJdks.jdk(jvms, "temurin-25-jdk-amd64", "25.0.3+9-LTS");
        Path newest = FakeJdks.jdk(jvms, "temurin-26-jdk-amd64", "26.0.1+4");
        FakeJdks.jdk(jvms, "temurin-25-jdk-older", "25.0.1+8-LTS");

        ServiceJava chosen = ServiceJava.choose(Map.of(), tool17, jvms);

        assertThat(chosen.home()).isEqualTo(newest);
        assertThat(chosen.java()).isEqualTo(newest.resolve("bin/java").toString());
        assertThat(chosen.feature()).isEqualTo(26);
        assertThat(chosen.aotCache()).isTrue();
    }

    @Test
    void withNoJdk25TheServicesRunOnTheToolsOwnJdkWithoutACache() throws Exception {
        FakeJdks.jdk(jvms, "java-17-openjdk-amd64", "17.0.15+6-Debian-1deb12u1");
        FakeJdks.jdk(jvms, "java-21-openjdk-amd64", "21.0.7+6");
        Files.createDirectories(jvms.resolve("openjdk-17")); // Debian's directory of docs, no bin/java

        ServiceJava chosen = ServiceJava.choose(Map.of(), tool17, jvms);

        assertThat(chosen).isEqualTo(tool17);
        assertThat(chosen.aotCache()).isFalse();
        assertThat(ServiceJava.choose(Map.of(), tool17, jvms.resolve("absent"))).isEqualTo(tool17);
    }

    @Test
    void aToolRunningOnJdk25IsAmongTheCandidates() throws Exception {
        FakeJdks.jdk(jvms, "java-17-openjdk-amd64", "17.0.15+6");
        ServiceJava tool25 = new ServiceJava(Path.of("/opt/jdk-25"), Runtime.Version.parse("25.0.3+9"));

        assertThat(ServiceJava.choose(Map.of(), tool25, jvms)).isEqualTo(tool25);
    }

    @Test
    void mashServiceJavaHomeNamesTheJdkEvenAnOlderOne() throws Exception {
        Path jdk17 = FakeJdks.jdk(jvms, "java-17-openjdk-amd64", "17.0.15+6");
        FakeJdks.jdk(jvms, "temurin-25-jdk-amd64", "25.0.3+9-LTS");

        ServiceJava chosen = ServiceJava.choose(Map.of(ServiceJava.VARIABLE, jdk17.toString()), tool17, jvms);

        assertThat(chosen.home()).isEqualTo(jdk17);
        assertThat(chosen.version()).isEqualTo(Runtime.Version.parse("17.0.15+6"));
        assertThat(chosen.aotCache()).isFalse();
    }

    @Test
    void aMashServiceJavaHomeThatIsNoJdk17OrNewerIsRefusedNamingTheVariable() throws Exception {
        Path jdk11 = FakeJdks.jdk(jvms, "jdk-11", "11.0.25+9");
        Path noRelease = FakeJdks.jdk(jvms, "no-release", "25.0.3+9");
        Files.delete(noRelease.resolve("release"));

        assertThatThrownBy(() -> ServiceJava.choose(Map.of(ServiceJava.VARIABLE, jvms.resolve("nothing").toString()), tool17, jvms))
                .hasMessageContaining("MASH_SERVICE_JAVA_HOME must be a JDK's home directory (with bin/java)");
        assertThatThrownBy(() -> ServiceJava.choose(Map.of(ServiceJava.VARIABLE, jdk11.toString()), tool17, jvms))
                .hasMessageContaining("MASH_SERVICE_JAVA_HOME must be a JDK 17 or newer").hasMessageContaining("11.0.25");
        assertThatThrownBy(() -> ServiceJava.choose(Map.of(ServiceJava.VARIABLE, noRelease.toString()), tool17, jvms))
                .hasMessageContaining("MASH_SERVICE_JAVA_HOME: no JAVA_VERSION");
        assertThatThrownBy(() -> Settings.of(Map.of(ServiceJava.VARIABLE, jdk11.toString())))
                .as("refused with the other settings, before anything starts").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVersionIsReadFromTheReleaseFileWithItsBuild() throws Exception {
        Path home = FakeJdks.jdk(jvms, "temurin-25-jdk-amd64", "25.0.3+9-LTS");
        assertThat(ServiceJava.versionOf(home)).contains(Runtime.Version.parse("25.0.3+9-LTS"));

        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        assertThat(ServiceJava.versionOf(home)).as("an older release file: the plain version")
                .contains(Runtime.Version.parse("25.0.3"));
    }
}
