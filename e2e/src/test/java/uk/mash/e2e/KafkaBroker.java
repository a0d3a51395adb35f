package uk.mash.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka 4.1 broker (KRaft, broker and controller in one) as its own OS process,
 * {@code java kafka.Kafka server.properties} on the Kafka jars of this test's classpath, as
 * {@code ./mash up} runs its broker. Its storage is formatted once; it listens on two ports fixed
 * when it is made, so after a SIGKILL or a stop it comes back where every client expects it.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaBroker(Path dir, Path log, int port) {
        this.dir = dir;
        this.config = dir.resolve("server.properties");
        this.log = log;
        this.port = port;
    }

    /** Writes the configuration and formats the storage; {@link #launch()} starts it. */
    static KafkaBroker format(Path dir, Path log) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        int port;
        int controllerPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            controllerPort = b.getLocalPort();
        }
        KafkaBroker broker = new KafkaBroker(dir, log, port);
        Files.writeString(broker.config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                // what the services' tests get from the in-JVM broker, and ./mash up from its own
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        // the broker's own logging: everything at INFO to its console, which goes to the log file
        Files.writeString(dir.resolve("logging.properties"), String.join("\n",
                "logger.level=INFO",
                "logger.handlers=CONSOLE",
                "handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler",
                "handler.CONSOLE.formatter=PATTERN",
                "formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter",
                "formatter.PATTERN.properties=pattern",
                "formatter.PATTERN.pattern=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{1}] (%t) %s%e%n",
                ""));
        // what `kafka-storage random-uuid` prints
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        broker.tool("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", broker.config.toString());
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the broker again on the same ports and data (after {@link #kill()} or {@link #stop()}). */
    void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running (pid " + process.pid() + ")");
        }
        List<String> command = java("-Xmx256m", "-Xms256m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
        command.add("kafka.Kafka");
        command.add(config.toString());
        Files.writeString(log, "\n===== " + Instant.now() + " starting the Kafka broker on " + bootstrapServers() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the broker answers a client (its metadata names one node). */
    void awaitReady(Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not answering yet
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout + "; see " + log);
    }

    /** SIGKILL: nothing flushed or closed, as a crashed host or the OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM: controlled shutdown), then SIGKILL if it takes over 60 s. */
    void stop() throws InterruptedException {
        stop(Duration.ofSeconds(60));
    }

    private void stop(Duration patience) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** At the end: a clean stop, but within 10 s (a JVM ending does not wait long). */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one of Kafka's tools in the foreground and returns what it printed. */
    private String tool(String... args) throws Exception {
        List<String> command = java("-Xmx128m");
        command.addAll(List.of(args));
        Path out = dir.resolve("tool.out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Kafka's " + String.join(" ", args) + " did not finish in 120 s");
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Files.writeString(log, "$ " + String.join(" ", args) + "\n" + printed, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Kafka's " + String.join(" ", args) + " failed (" + p.exitValue() + "): "
                    + printed);
        }
        return printed;
    }

    private List<String> java(String... options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.add("-Djava.awt.headless=true");
        // Kafka logs through SLF4J, bound on this classpath to JBoss LogManager
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-Dlogging.configuration=" + dir.resolve("logging.properties").toUri());
        command.add("-cp");
        command.add(classPath());
        return command;
    }

    /**
     * This test's own classpath (surefire sets {@code java.class.path} to it in the forked JVM),
     * which holds the broker's jars through test-support: the broker is the same Kafka 4.1.1 the
     * services' tests run in their JVM. Without quarkus-bootstrap-runner, whose empty logging
     * configurator would silence JBoss LogManager (and so the broker's SLF4J logging).
     */
    private static String classPath() {
        String cp = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        boolean kafka = false;
        for (String entry : cp.split(File.pathSeparator)) {
            kafka |= entry.contains("kafka_2.13");
            if (!entry.contains("quarkus-bootstrap-runner")) {
                entries.add(entry);
            }
        }
        if (!kafka) {
            throw new IllegalStateException("No kafka_2.13 jar on this test's classpath: " + cp);
        }
        return String.join(File.pathSeparator, entries);
    }
}
