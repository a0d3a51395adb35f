package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stack's Kafka: MASH_KAFKA_BOOTSTRAP's cluster, or a real Kafka 4.1.1 broker in KRaft mode
 * (its jars from deploy/kafka's pom) with its data kept in {@code .mash/kafka}.
 */
final class LocalKafka {

    static final String NAME = "kafka";

    private final MashHome home;
    private final Settings settings;
    private final Console console;
    private final RunFiles run;
    private final ServiceBuild build;

    LocalKafka(MashHome home, Settings settings, Console console, RunFiles run, ServiceBuild build) {
        this.home = home;
        this.settings = settings;
        this.console = console;
        this.run = run;
        this.build = build;
    }

    /** Where the services' broker is: MASH_KAFKA_BOOTSTRAP, else the local broker's port. */
    String bootstrap() {
        String external = settings.externalKafka();
        return external != null ? external : "127.0.0.1:" + settings.kafkaPort();
    }

    // Kafka
    // ------------------------------------------------------------------------------------------

    String marker() {
        return home.kafkaConfig().toString();
    }

    ServiceProcess launch() throws IOException, InterruptedException {
        if (settings.externalKafka() != null) {
            console.say("Kafka: using MASH_KAFKA_BOOTSTRAP (" + settings.externalKafka() + ")");
            return null;
        }
        int port = settings.kafkaPort();
        ServiceProcess.ReadyCheck ready = ServiceProcess.ReadyCheck.listening(port);
        Optional<ProcessHandle> running = run.runningPid(NAME, marker());
        if (running.isPresent()) {
            Integer was = run.recordedPort(NAME);
            if (was != null && was != port) {
                throw new MashException("Kafka is running on port " + was + ", not " + port
                        + "; ./mash down first to change MASH_KAFKA_PORT");
            }
            ServiceProcess p = ServiceProcess.attach("Kafka", running.get(), home.log("kafka"), ready);
            if (p.checkReady()) {
                console.say("Kafka: already running (pid " + p.pid() + ") on " + bootstrap());
                return null;
            }
            console.say("Kafka: running (pid " + p.pid() + "), not ready yet");
            return p;
        }
        if (ServiceProcess.portOpen("127.0.0.1", port)) {
            throw new MashException("port " + port + " is in use by another program: stop it, or set MASH_KAFKA_PORT"
                    + " (or MASH_KAFKA_BOOTSTRAP to use that cluster)");
        }
        if (ServiceProcess.portOpen("127.0.0.1", settings.kafkaControllerPort())) {
            throw new MashException("port " + settings.kafkaControllerPort() + " (Kafka's controller, MASH_KAFKA_PORT + 1)"
                    + " is in use by another program: set MASH_KAFKA_PORT");
        }
        kafkaJarsIfNeeded();
        writeKafkaConfig();
        if (!Files.exists(home.kafkaData().resolve("meta.properties"))) {
            formatKafkaStorage();
        }
        ServiceProcess p = ServiceProcess.builder("Kafka")
                .jvmOptions(List.of("-Xmx256m", "-Xms256m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                        "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + home.kafkaLog4j(),
                        "-Dkafka.logs.dir=" + home.logs()))
                .mainClass(home.kafkaLib() + "/*", "kafka.Kafka", List.of(home.kafkaConfig().toString()))
                .log(home.log("kafka-console")).rotateLog().detached().readyWhen(ready)
                .start();
        run.record(NAME, p.pid(), port);
        console.say("Kafka: starting (pid " + p.pid() + ") on " + bootstrap() + ", data in " + home.shown(home.kafkaData()));
        // what the broker itself logs goes to kafka.log (log4j2.xml): that is the one to show on failure
        return ServiceProcess.attach("Kafka", ProcessHandle.of(p.pid()).orElseThrow(), home.log(NAME), ready);
    }

    /** The broker's jars from Maven Central (deploy/kafka's pom), once; the stamp sits beside them. */
    private void kafkaJarsIfNeeded() throws IOException, InterruptedException {
        Path lib = home.kafkaLib();
        Path stamp = lib.resolveSibling("lib.stamp");
        if (hasKafkaJar(lib) && Files.exists(stamp) && !ServiceBuild.newerThan(Files.getLastModifiedTime(stamp).toInstant(),
                List.of(home.root().resolve("deploy/kafka/pom.xml"), home.root().resolve("pom.xml")))) {
            return;
        }
        Files.createDirectories(lib.getParent());
        Path next = lib.resolveSibling("lib.stamp.new");
        Files.deleteIfExists(next);
        Files.createFile(next);
        RunFiles.deleteTree(lib);
        build.maven("the Kafka broker's jars (deploy/kafka)", List.of("-B", "-q", "-f",
                home.root().resolve("deploy/kafka/pom.xml").toString(), "dependency:copy-dependencies"));
        if (!hasKafkaJar(lib)) {
            throw new MashException("no kafka_2.13 jar in " + home.shown(lib) + " after copying");
        }
        Files.move(next, stamp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean hasKafkaJar(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"));
        }
    }

    private void writeKafkaConfig() throws IOException {
        Files.createDirectories(home.kafkaData());
        int port = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        String config = String.join("\n",
                "# written by ./mash up at every start of the local broker",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.kafkaData(),
                "num.partitions=" + settings.kafkaPartitions(),
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path tmp = home.kafkaConfig().resolveSibling("server.properties.tmp");
        Files.writeString(tmp, config, StandardCharsets.UTF_8);
        Files.move(tmp, home.kafkaConfig(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void formatKafkaStorage() throws IOException, InterruptedException {
        Instant start = Instant.now();
        Path formatLog = home.log("kafka-format");
        String clusterId = kafkaTool(formatLog, "random-uuid").strip();
        String[] lines = clusterId.split("\n");
        clusterId = lines[lines.length - 1].strip();
        if (clusterId.isEmpty()) {
            throw new MashException("Kafka's StorageTool made no cluster id (log: " + home.shown(formatLog) + ")");
        }
        kafkaTool(formatLog, "format", "-t", clusterId, "-c", home.kafkaConfig().toString());
        console.say("Kafka: storage formatted (cluster " + clusterId + ") in " + Console.seconds(Duration.between(start, Instant.now())));
    }

    /** Runs Kafka's StorageTool in the foreground; returns what it printed on standard output. */
    private String kafkaTool(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + home.kafkaLog4j(), "-Dkafka.logs.dir=" + home.logs(),
                "-cp", home.kafkaLib() + "/*", "kafka.tools.StorageTool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        p.getOutputStream().close();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(log, printed, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (p.waitFor() != 0) {
            throw new MashException("Kafka's StorageTool " + args[0] + " failed (log: " + home.shown(log) + ")");
        }
        return printed;
    }
}
