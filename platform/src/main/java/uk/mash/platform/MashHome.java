package uk.mash.platform;

import java.nio.file.Path;

/**
 * Where {@code ./mash} keeps the local stack's state: everything under {@code .mash/} at the
 * repository root (data, keys, secrets, logs, pid files), so {@code ./mash down --wipe} is one delete.
 */
public record MashHome(Path root) {

    public MashHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path home() {
        return root.resolve(".mash");
    }

    /** Pid and port files ({@code NAME.pid}, {@code NAME.port}), the lock, transaction stores. */
    public Path run() {
        return home().resolve("run");
    }

    /** One log per component: {@code NAME.log}, the previous run's as {@code NAME.prev.log}. */
    public Path logs() {
        return home().resolve("logs");
    }

    public Path keys() {
        return home().resolve("keys");
    }

    public Path privateKey() {
        return keys().resolve(SigningKeys.PRIVATE_PEM);
    }

    public Path publicKey() {
        return keys().resolve(SigningKeys.PUBLIC_PEM);
    }

    /** Each service's database password ({@code NAME.password}, mode 600). */
    public Path secrets() {
        return home().resolve("secrets");
    }

    /** Build stamps: when the services and the tool were last built. */
    public Path build() {
        return home().resolve("build");
    }

    public Path postgresData() {
        return home().resolve("postgres").resolve("data");
    }

    /** Where zonky unpacks the PostgreSQL binaries. */
    public Path postgresBin() {
        return home().resolve("postgres").resolve("bin");
    }

    public Path kafkaHome() {
        return home().resolve("kafka");
    }

    public Path kafkaData() {
        return kafkaHome().resolve("data");
    }

    public Path kafkaConfig() {
        return kafkaHome().resolve("server.properties");
    }

    /** The broker's jars, copied by deploy/kafka's pom from Maven Central. */
    public Path kafkaLib() {
        return root.resolve("deploy").resolve("kafka").resolve("target").resolve("lib");
    }

    public Path kafkaLog4j() {
        return root.resolve("deploy").resolve("kafka").resolve("log4j2.xml");
    }

    public Path pidFile(String name) {
        return run().resolve(name + ".pid");
    }

    public Path portFile(String name) {
        return run().resolve(name + ".port");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** A path as printed: relative to the repository root when inside it. */
    public String shown(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }
}
