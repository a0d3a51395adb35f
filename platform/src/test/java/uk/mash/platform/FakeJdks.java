package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * JDK homes as {@code /usr/lib/jvm} holds them, for tests that choose the services' JDK: a
 * directory with an executable {@code bin/java} and a {@code release} file saying its version.
 */
final class FakeJdks {

    private FakeJdks() {
    }

    /** {@code directory/name}, a JDK of {@code runtimeVersion} ("25.0.3+9-LTS"). */
    static Path jdk(Path directory, String name, String runtimeVersion) throws IOException {
        Path home = directory.resolve(name);
        Path java = home.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nexit 0\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String plain = runtimeVersion.replaceFirst("[+-].*$", "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion
                + "\"\nJAVA_VERSION=\"" + plain + "\"\n", StandardCharsets.UTF_8);
        return home;
    }
}
