package uk.mash.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MASH Hub on this machine, as {@code ./mash up} runs it: a real PostgreSQL (or MASH_DB_URL's),
 * a real Kafka broker (or MASH_KAFKA_BOOTSTRAP's) and the services, each its own OS process that
 * outlives the command, with its pid in {@code .mash/run/NAME.pid} and its log in
 * {@code .mash/logs/NAME.log}. Starting is idempotent: what runs and answers is left alone.
 *
 * <p>Extensions ({@link MashExtension}, the bench) get one to bring the stack up and to learn
 * where its parts are.
 */
public final class LocalStack {

    private static final String POSTGRES = "postgres";
    private static final String KAFKA = "kafka";
    private static final String POSTGRES_READY = "PostgreSQL ready on";
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** Modules that are tools, not services: a change in them needs no rebuild of the services. */
    private static final List<String> TOOL_MODULES = List.of("deploy", "platform", "bench");

    private final MashHome home;
    private final Settings settings;
    private final Console console;
    private final String toolClasspath;
    private FileChannel lockChannel;
    private FileLock lock;
    private int lockDepth;

    public LocalStack(MashHome home, Settings settings, Console console, String toolClasspath) {
        this.home = home;
        this.settings = settings;
        this.console = console;
        this.toolClasspath = toolClasspath;
    }

    public MashHome home() {
        return home;
    }

    public Settings settings() {
        return settings;
    }

    public Console console() {
        return console;
    }

    /** The services this run covers (MASH_SERVICES narrows them). */
    public List<Service> services() {
        return settings.services();
    }

    public int port(Service service) {
        return settings.port(service);
    }

    /** {@code http://localhost:PORT} of a service. */
    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    /** The superuser JDBC URL of the stack's PostgreSQL (MASH_DB_URL, or the embedded server's). */
    public String superuserUrl() {
        String external = settings.externalDatabase();
        return external != null ? external : "jdbc:postgresql://127.0.0.1:" + settings.pgPort() + "/postgres";
    }

    /** Where the services' broker is: MASH_KAFKA_BOOTSTRAP, else the local broker's port. */
    public String kafkaBootstrap() {
        String external = settings.externalKafka();
        return external != null ? external : "127.0.0.1:" + settings.kafkaPort();
    }

    /**
     * The broker a client of the running stack should use: MASH_KAFKA_BOOTSTRAP, else the port the
     * running local broker was started on (it may differ from today's MASH_KAFKA_PORT).
     */
    public String kafkaBootstrapForClients() {
        String external = settings.externalKafka();
        if (external != null) {
            return external;
        }
        Integer recorded = runningPid(KAFKA, kafkaMarker()).isPresent() ? recordedPort(KAFKA) : null;
        return "127.0.0.1:" + (recorded != null ? recorded : settings.kafkaPort());
    }

    // ------------------------------------------------------------------------------------------
    // up
    // ------------------------------------------------------------------------------------------

    /**
     * Builds what is not built, starts PostgreSQL and Kafka side by side, makes the services'
     * databases, starts the services once both are ready and waits until each answers
     * {@code /q/health/ready}; then prints the URLs. Again while all is up: changes nothing.
     */
    public void up() throws Exception {
        Instant start = Instant.now();
        for (Path dir : List.of(home.run(), home.logs(), home.keys(), home.build(), home.secrets())) {
            Files.createDirectories(dir);
        }
        ownerOnly(home.keys());
        ownerOnly(home.secrets());
        lock();
        try {
            buildIfNeeded();
            SigningKeys.ensure(home.keys(), console.out());
            ServiceProcess postgres = launchPostgres();
            ServiceProcess kafka = launchKafka();
            if (postgres != null) {
                await("PostgreSQL", postgres);
            }

            // which services must start; a running one that answers is left alone
            List<Service> toStart = new ArrayList<>();
            Map<Service, ServiceProcess> waiting = new LinkedHashMap<>();
            for (Service s : services()) {
                int port = port(s);
                Optional<ProcessHandle> running = runningPid(s.name(), s.jar(home.root()).toString());
                if (running.isPresent()) {
                    long pid = running.get().pid();
                    Integer was = recordedPort(s.name());
                    if (was != null && was != port) {
                        throw new MashException(s.name() + " is running on port " + was + ", not " + port
                                + "; ./mash down first to change its port");
                    }
                    ServiceProcess p = ServiceProcess.attach(s.name(), running.get(), home.log(s.name()),
                            ServiceProcess.ReadyCheck.health(port));
                    if (p.checkReady()) {
                        console.say(s.name() + ": already running (pid " + pid + ") and ready on " + url(s));
                        if (Files.getLastModifiedTime(s.jar(home.root())).compareTo(
                                Files.getLastModifiedTime(home.pidFile(s.name()))) > 0) {
                            console.warn(s.name() + " runs an older build than " + s.module()
                                    + "/target: ./mash down && ./mash up to restart it");
                        }
                    } else {
                        console.say(s.name() + ": running (pid " + pid + "), not ready yet");
                        waiting.put(s, p);
                    }
                } else {
                    if (ServiceProcess.portOpen("127.0.0.1", port)) {
                        throw new MashException(s.name() + ": port " + port + " is in use by another program: stop it, or set "
                                + s.portVariable());
                    }
                    toStart.add(s);
                }
            }
            if (!toStart.isEmpty()) {
                bootstrapDatabases(toStart);
            }
            if (kafka != null) {
                await("Kafka", kafka);
            }
            for (Service s : toStart) {
                waiting.put(s, startService(s));
            }
            for (Map.Entry<Service, ServiceProcess> w : waiting.entrySet()) {
                await(w.getKey().name() + " (" + url(w.getKey()) + "/q/health/ready)", w.getValue());
            }
            printUrls();
            console.say("");
            console.say("up took " + Console.seconds(Duration.between(start, Instant.now())));
        } finally {
            unlock();
        }
    }

    private void ownerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to narrow
        }
    }

    /** Waits for a starting process with a dot a second; on failure the log's tail and why. */
    private void await(String label, ServiceProcess process) throws Exception {
        if (process.checkReady()) {
            console.say("  " + label + " ready");
            return;
        }
        console.print("  waiting for " + label + " ");
        try {
            Duration took = process.awaitReady(settings.startTimeout(), () -> console.print("."));
            console.say(" ready in " + Console.seconds(took));
        } catch (ServiceProcess.NotReady notReady) {
            console.say("");
            String tail = process.logTail(40);
            if (tail.isEmpty()) {
                console.note("(" + home.shown(process.log()) + " is empty)");
            } else {
                console.note("---- last 40 lines of " + home.shown(process.log()) + " ----");
                console.note(tail);
                console.note("----");
            }
            if (notReady.stillRunning()) {
                throw new MashException(label + " not ready after " + settings.startTimeout().toSeconds()
                        + "s (still running as pid " + process.pid() + "; log: " + home.shown(process.log())
                        + "; ./mash down stops it)");
            }
            throw new MashException(label + " stopped while starting (log: " + home.shown(process.log()) + ")");
        }
    }

    // ------------------------------------------------------------------------------------------
    // the build
    // ------------------------------------------------------------------------------------------

    /**
     * Packages the services when a jar is missing or a source changed since the last build; never
     * under a running service (it says so instead). Maven's {@code package}, not {@code install}:
     * the reactor finds its modules in their target directories, and nothing is written to the
     * shared local repository.
     */
    private void buildIfNeeded() throws IOException, InterruptedException {
        if (services().isEmpty() || !servicesStale()) {
            return;
        }
        List<String> running = new ArrayList<>();
        for (Service s : services()) {
            if (runningPid(s.name(), s.jar(home.root()).toString()).isPresent()) {
                running.add(s.name());
            }
        }
        if (!running.isEmpty()) {
            console.warn("sources changed since " + String.join(" ", running) + " was built; not rebuilding under"
                    + " running services. Run ./mash down && ./mash up to rebuild and restart.");
            return;
        }
        Path stamp = home.build().resolve("services.stamp");
        Path next = home.build().resolve("services.stamp.new");
        Files.deleteIfExists(next);
        Files.createFile(next);
        List<String> modules = ServiceCatalog.SERVICES.stream().map(Service::module)
                .filter(m -> Files.isDirectory(home.root().resolve(m))).toList();
        maven("the services", List.of("-B", "-q", "-DskipTests", "package", "-pl", String.join(",", modules), "-am"));
        Files.move(next, stamp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Service s : services()) {
            if (!Files.isRegularFile(s.jar(home.root()))) {
                throw new MashException("the build made no " + home.shown(s.jar(home.root()))
                        + " (is " + s.module() + " a Quarkus module with the quarkus-maven-plugin?)");
            }
        }
    }

    /** Some service has no jar, or a source changed since the last build. */
    boolean servicesStale() throws IOException {
        Instant oldest = null;
        for (Service s : services()) {
            Path jar = s.jar(home.root());
            if (!Files.isRegularFile(jar)) {
                return true;
            }
            Instant t = Files.getLastModifiedTime(jar).toInstant();
            oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
        }
        if (oldest == null) {
            return false;
        }
        Path stamp = home.build().resolve("services.stamp");
        Instant reference = Files.exists(stamp) ? Files.getLastModifiedTime(stamp).toInstant() : oldest;
        List<Path> sources = new ArrayList<>(List.of(home.root().resolve("pom.xml")));
        try (Stream<Path> dirs = Files.list(home.root())) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> !TOOL_MODULES.contains(d.getFileName().toString()))
                    .forEach(sources::add);
        }
        return newerThan(reference, sources);
    }

    /** A file under one of {@code paths} modified after {@code reference} (build output and state aside). */
    static boolean newerThan(Instant reference, List<Path> paths) throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                boolean found = files
                        .filter(p -> {
                            Path rel = path.relativize(p);
                            for (Path part : rel) {
                                String n = part.toString();
                                if (n.equals("target") || n.equals("node_modules") || n.equals(".mash")) {
                                    return false;
                                }
                            }
                            return true;
                        })
                        .filter(Files::isRegularFile)
                        .anyMatch(p -> {
                            try {
                                return Files.getLastModifiedTime(p).toInstant().isAfter(reference);
                            } catch (IOException e) {
                                return false;
                            }
                        });
                if (found) {
                    return true;
                }
            } catch (UncheckedIOException e) {
                // a file went away while looking (a build in progress): look again next time
            }
        }
        return false;
    }

    private void maven(String label, List<String> args) throws IOException, InterruptedException {
        Instant start = Instant.now();
        console.say("build: " + label + " (./mvnw " + String.join(" ", args) + ")");
        List<String> command = new ArrayList<>(List.of(home.root().resolve("mvnw").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(home.root().toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (p.waitFor() != 0) {
            throw new MashException("build failed: " + label + ". Fix the errors above, or run ./mvnw -B -DskipTests package"
                    + " to see the whole build.");
        }
        console.say("build: done in " + Console.seconds(Duration.between(start, Instant.now())));
    }

    // ------------------------------------------------------------------------------------------
    // PostgreSQL
    // ------------------------------------------------------------------------------------------

    private String postgresMarker() {
        return "--data " + home.postgresData();
    }

    /** Starts the embedded PostgreSQL unless it runs; returns what to wait for, or null. */
    private ServiceProcess launchPostgres() throws IOException, InterruptedException {
        if (settings.externalDatabase() != null) {
            console.say("PostgreSQL: using MASH_DB_URL (" + dbHostPort(settings.externalDatabase()) + ")");
            return null;
        }
        int port = settings.pgPort();
        ServiceProcess.ReadyCheck ready = () -> logSays(POSTGRES, POSTGRES_READY)
                && ServiceProcess.portOpen("127.0.0.1", port);
        Optional<ProcessHandle> running = runningPid(POSTGRES, postgresMarker());
        if (running.isPresent()) {
            Integer was = recordedPort(POSTGRES);
            if (was != null && was != port) {
                throw new MashException("PostgreSQL is running on port " + was + ", not " + port
                        + "; ./mash down first to change MASH_PG_PORT");
            }
            ServiceProcess p = ServiceProcess.attach("PostgreSQL", running.get(), home.log(POSTGRES), ready);
            if (p.checkReady()) {
                console.say("PostgreSQL: already running (pid " + p.pid() + ") on 127.0.0.1:" + port);
                return null;
            }
            console.say("PostgreSQL: running (pid " + p.pid() + "), not ready yet");
            return p;
        }
        stopOrphanPostmaster();
        if (ServiceProcess.portOpen("127.0.0.1", port)) {
            throw new MashException("port " + port + " is in use by another program: stop it, or set MASH_PG_PORT"
                    + " (or MASH_DB_URL to use that server)");
        }
        Files.createDirectories(home.postgresData());
        Files.createDirectories(home.postgresBin());
        ServiceProcess p = ServiceProcess.builder("PostgreSQL")
                .jvmOptions(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"))
                .mainClass(toolClasspath, Mash.class.getName(), List.of(POSTGRES, "--data", home.postgresData().toString(),
                        "--bin", home.postgresBin().toString(), "--port", Integer.toString(port)))
                .log(home.log(POSTGRES)).rotateLog().detached().readyWhen(ready)
                .start();
        record(POSTGRES, p.pid(), port);
        console.say("PostgreSQL: starting (pid " + p.pid() + ") on 127.0.0.1:" + port + ", data in "
                + home.shown(home.postgresData()));
        return p;
    }

    private boolean logSays(String name, String text) {
        try {
            return Files.readString(home.log(name), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** A PostgreSQL left running on our data directory by a keeper process that died (kill -9). */
    private Optional<ProcessHandle> orphanPostmaster() {
        Path file = home.postgresData().resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return ServiceProcess.running(Long.parseLong(first), home.postgresData().toString())
                    .filter(h -> ServiceProcess.commandLine(h).contains("postgres"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void stopOrphanPostmaster() throws IOException, InterruptedException {
        Optional<ProcessHandle> orphan = orphanPostmaster();
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        console.print("PostgreSQL: stopping a server left behind on " + home.shown(home.postgresData()) + " (pid " + pid + ") ");
        // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave)
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        Instant deadline = Instant.now().plus(settings.stopTimeout());
        while (orphan.get().isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                orphan.get().destroyForcibly();
                break;
            }
            console.print(".");
            Thread.sleep(500);
        }
        console.say(" stopped");
    }

    /** host:port of a JDBC URL {@code jdbc:postgresql://host[:port][,...]/db?params}. */
    static String dbHostPort(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        int q = rest.indexOf('?');
        rest = q < 0 ? rest : rest.substring(0, q);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /**
     * The JDBC URL of a service's own database: the server of MASH_DB_URL (its query parameters
     * except user and password kept) or the embedded one.
     */
    String serviceDbUrl(String database) {
        String external = settings.externalDatabase();
        if (external == null) {
            return "jdbc:postgresql://127.0.0.1:" + settings.pgPort() + "/" + database;
        }
        List<String> kept = new ArrayList<>();
        int q = external.indexOf('?');
        if (q >= 0) {
            for (String param : external.substring(q + 1).split("&")) {
                if (!param.isEmpty() && !param.startsWith("user=") && !param.startsWith("password=")) {
                    kept.add(param);
                }
            }
        }
        return "jdbc:postgresql://" + dbHostPort(external) + "/" + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private void bootstrapDatabases(List<Service> toStart) throws Exception {
        String user = settings.externalDatabase() == null ? "postgres" : settings.get("MASH_DB_USER");
        String password = settings.externalDatabase() == null ? null : settings.get("MASH_DB_PASSWORD");
        List<String> names = toStart.stream().map(Service::name).toList();
        // audit's runtime user must not own (and so be able to change) its own log: a separate owner migrates
        List<String> separate = names.contains(ServiceCatalog.AUDIT.name()) ? List.of(ServiceCatalog.AUDIT.name()) : List.of();
        try {
            DatabaseBootstrap.run(superuserUrl(), user, password, home.secrets(), names, separate, console.out());
        } catch (java.sql.SQLException e) {
            throw new MashException("could not make the services' databases (bootstrap failed: " + e.getMessage() + ")");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Kafka
    // ------------------------------------------------------------------------------------------

    private String kafkaMarker() {
        return home.kafkaConfig().toString();
    }

    private ServiceProcess launchKafka() throws IOException, InterruptedException {
        if (settings.externalKafka() != null) {
            console.say("Kafka: using MASH_KAFKA_BOOTSTRAP (" + settings.externalKafka() + ")");
            return null;
        }
        int port = settings.kafkaPort();
        ServiceProcess.ReadyCheck ready = ServiceProcess.ReadyCheck.listening(port);
        Optional<ProcessHandle> running = runningPid(KAFKA, kafkaMarker());
        if (running.isPresent()) {
            Integer was = recordedPort(KAFKA);
            if (was != null && was != port) {
                throw new MashException("Kafka is running on port " + was + ", not " + port
                        + "; ./mash down first to change MASH_KAFKA_PORT");
            }
            ServiceProcess p = ServiceProcess.attach("Kafka", running.get(), home.log("kafka"), ready);
            if (p.checkReady()) {
                console.say("Kafka: already running (pid " + p.pid() + ") on " + kafkaBootstrap());
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
        record(KAFKA, p.pid(), port);
        console.say("Kafka: starting (pid " + p.pid() + ") on " + kafkaBootstrap() + ", data in " + home.shown(home.kafkaData()));
        // what the broker itself logs goes to kafka.log (log4j2.xml): that is the one to show on failure
        return ServiceProcess.attach("Kafka", ProcessHandle.of(p.pid()).orElseThrow(), home.log(KAFKA), ready);
    }

    /** The broker's jars from Maven Central (deploy/kafka's pom), once; the stamp sits beside them. */
    private void kafkaJarsIfNeeded() throws IOException, InterruptedException {
        Path lib = home.kafkaLib();
        Path stamp = lib.resolveSibling("lib.stamp");
        if (hasKafkaJar(lib) && Files.exists(stamp) && !newerThan(Files.getLastModifiedTime(stamp).toInstant(),
                List.of(home.root().resolve("deploy/kafka/pom.xml"), home.root().resolve("pom.xml")))) {
            return;
        }
        Files.createDirectories(lib.getParent());
        Path next = lib.resolveSibling("lib.stamp.new");
        Files.deleteIfExists(next);
        Files.createFile(next);
        deleteTree(lib);
        maven("the Kafka broker's jars (deploy/kafka)", List.of("-B", "-q", "-f",
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
                "num.partitions=3",
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

    // ------------------------------------------------------------------------------------------
    // services
    // ------------------------------------------------------------------------------------------

    private ServiceProcess startService(Service s) throws IOException {
        Path jar = s.jar(home.root());
        if (!Files.isRegularFile(jar)) {
            throw new MashException(s.name() + ": no " + home.shown(jar) + "; the build should have made it");
        }
        String password = secret(s.name());
        if (password == null) {
            throw new MashException(s.name() + ": no database password in " + home.shown(home.secrets().resolve(s.name() + ".password")));
        }
        int port = port(s);
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(port, serviceDbUrl(s.name()), s.name(), password,
                kafkaBootstrap(), home.publicKey()));
        env.put(ServiceEnvironment.TRANSACTION_STORE, home.run().resolve(s.name() + "-transactions").toString());
        env.put("MALLOC_ARENA_MAX", "2");
        String owner = s.equals(ServiceCatalog.AUDIT) ? secret("audit_owner") : null;
        if (owner != null) {
            env.put(ServiceEnvironment.AUDIT_OWNER, "audit_owner");
            env.put(ServiceEnvironment.AUDIT_OWNER_PASSWORD, owner);
        }
        // MASH_DECISION_TIMESCALE, MASH_ESCALATION_*, MASH_LOG_JSON and Quarkus's own variables pass
        // through from this environment when set; the superuser's database settings do not.
        ServiceProcess p = ServiceProcess.builder(s.name())
                .jvmOptions(settings.serviceJvmOptions())
                .quarkusApp(jar, port)
                .notInheriting(name -> name.equals("MASH_DB_URL") || name.equals("MASH_DB_USER") || name.equals("MASH_DB_PASSWORD"))
                .env(env)
                .log(home.log(s.name())).rotateLog().detached()
                .start();
        record(s.name(), p.pid(), port);
        console.say(s.name() + ": starting (pid " + p.pid() + ") on " + url(s));
        return p;
    }

    private String secret(String name) throws IOException {
        Path file = home.secrets().resolve(name + ".password");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    }

    private void printUrls() {
        console.say("");
        console.say(console.bold("MASH Hub is up"));
        for (Service s : services()) {
            console.say(String.format("  %-10s API %-32s Swagger UI %s", s.name(), url(s) + "/api/v1", url(s) + "/q/swagger-ui"));
            console.say(String.format("  %-10s metrics %-28s health %s", "", url(s) + "/q/metrics", url(s) + "/q/health"));
        }
        if (services().isEmpty()) {
            console.say("  (no services to run: only PostgreSQL and Kafka)");
        }
        if (settings.externalKafka() == null) {
            console.say("  Kafka      " + kafkaBootstrap());
        }
        if (settings.externalDatabase() == null) {
            console.say("  PostgreSQL 127.0.0.1:" + settings.pgPort() + " (superuser postgres; each service its own database and role)");
        }
        console.say("");
        console.say("  A token:   TOKEN=$(./mash token --role screener)");
        console.say("             curl -H \"Authorization: Bearer $TOKEN\" " + url(ServiceCatalog.INTAKE) + "/api/v1/reports/<id>");
        console.say("  Logs in .mash/logs/, ./mash status, ./mash down");
    }

    // ------------------------------------------------------------------------------------------
    // down, restart
    // ------------------------------------------------------------------------------------------

    /** Stops what up started, services first; {@code wipe} deletes .mash/ (data, keys, secrets, logs). */
    public void down(boolean wipe) throws Exception {
        if (!Files.isDirectory(home.home())) {
            console.say("nothing to stop (no .mash/)");
            return;
        }
        lock();
        try {
            List<Service> reversed = new ArrayList<>(ServiceCatalog.SERVICES);
            java.util.Collections.reverse(reversed);
            for (Service s : reversed) {
                if (Files.exists(home.pidFile(s.name()))) {
                    stop(s.name(), s.jar(home.root()).toString(), s.name());
                }
            }
            stop(KAFKA, kafkaMarker(), "Kafka");
            stop(POSTGRES, postgresMarker(), "PostgreSQL");
            stopOrphanPostmaster();
        } finally {
            unlock();
        }
        if (wipe) {
            deleteTree(home.home());
            console.say("wiped .mash/ (data, keys, secrets, logs)");
        } else {
            console.say("data kept in .mash/ (./mash down --wipe deletes it)");
        }
    }

    /** SIGTERM, wait, SIGKILL after MASH_STOP_TIMEOUT; the pid and port files go. */
    private void stop(String name, String marker, String label) throws IOException {
        Optional<ProcessHandle> running = runningPid(name, marker);
        if (running.isEmpty()) {
            console.say(label + ": not running");
            Files.deleteIfExists(home.pidFile(name));
            Files.deleteIfExists(home.portFile(name));
            return;
        }
        Instant start = Instant.now();
        ServiceProcess p = ServiceProcess.attach(label, running.get(), home.log(name), () -> false);
        console.print(label + ": stopping (pid " + p.pid() + ") ");
        p.terminate();
        Instant deadline = Instant.now().plus(settings.stopTimeout());
        while (p.isAlive() && Instant.now().isBefore(deadline)) {
            console.print(".");
            p.awaitStopped(Instant.now().plusMillis(500).isBefore(deadline) ? Instant.now().plusMillis(500) : deadline);
        }
        if (p.isAlive() || !p.awaitStopped(Instant.now())) {
            console.print(" no exit after " + settings.stopTimeout().toSeconds() + "s: SIGKILL");
            p.kill();
        }
        console.say(" stopped in " + Console.seconds(Duration.between(start, Instant.now())));
        Files.deleteIfExists(home.pidFile(name));
        Files.deleteIfExists(home.portFile(name));
    }

    /** Before a restart of every service: when the sources changed, stop them all so that up rebuilds. */
    public void stopServicesIfStale() throws Exception {
        if (!servicesStale()) {
            return;
        }
        console.say("sources changed since the services were built: stopping them to rebuild");
        lock();
        try {
            for (Service s : services()) {
                if (Files.exists(home.pidFile(s.name()))) {
                    stop(s.name(), s.jar(home.root()).toString(), s.name());
                }
            }
        } finally {
            unlock();
        }
    }

    /**
     * Restarts these services one at a time (each ready before the next) on the newest build,
     * printing each one's start-up time as it logged it; returns those times in seconds (null
     * when it logged none). The stack must be up.
     */
    public Map<Service, Double> restartEach(List<Service> which) throws Exception {
        Map<Service, Double> startedIn = new LinkedHashMap<>();
        lock();
        try {
            for (Service s : which) {
                stop(s.name(), s.jar(home.root()).toString(), s.name());
                ServiceProcess p = startService(s);
                await(s.name() + " (" + url(s) + "/q/health/ready)", p);
                Matcher m = STARTED_IN.matcher(p.logSinceStart());
                String last = null;
                while (m.find()) {
                    last = m.group(1);
                }
                if (last != null) {
                    console.say("  " + s.name() + ": started in " + last + "s");
                }
                startedIn.put(s, last == null ? null : Double.valueOf(last));
            }
        } finally {
            unlock();
        }
        return startedIn;
    }

    /** {@code ./mash restart [NAME...]}: up (builds what changed), then each named service, or all. */
    public void restart(List<Service> which) throws Exception {
        if (which.isEmpty()) {
            stopServicesIfStale();
        }
        up();
        console.say("");
        restartEach(which.isEmpty() ? services() : which);
    }

    // ------------------------------------------------------------------------------------------
    // status
    // ------------------------------------------------------------------------------------------

    /** Prints what runs, where and whether it is healthy; 0 when all is, 3 otherwise. */
    public int status() throws InterruptedException {
        boolean allOk = true;
        String format = "%-11s %-9s %-8s %-34s %s";
        console.say(String.format(format, "COMPONENT", "STATE", "PID", "WHERE", "HEALTH"));

        String externalDb = settings.externalDatabase();
        if (externalDb != null) {
            String hp = dbHostPort(externalDb).split(",")[0];
            String host = hp.contains(":") ? hp.substring(0, hp.lastIndexOf(':')) : hp;
            int p = hp.contains(":") ? Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1)) : 5432;
            boolean up = ServiceProcess.portOpen(host, p);
            allOk &= up;
            console.say(String.format(format, POSTGRES, "external", "-", hp + " (MASH_DB_URL)", up ? console.green("reachable") : console.red("unreachable")));
        } else {
            allOk &= localRow(POSTGRES, postgresMarker(), settings.pgPort(), format);
        }
        String externalKafka = settings.externalKafka();
        if (externalKafka != null) {
            String first = externalKafka.split(",")[0];
            boolean up = ServiceProcess.portOpen(first.substring(0, first.lastIndexOf(':')),
                    Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
            allOk &= up;
            console.say(String.format(format, KAFKA, "external", "-", externalKafka, up ? console.green("reachable") : console.red("unreachable")));
        } else {
            allOk &= localRow(KAFKA, kafkaMarker(), settings.kafkaPort(), format);
        }

        for (Service s : ServiceCatalog.SERVICES) {
            if (!Files.isDirectory(home.root().resolve(s.module()))) {
                console.say(String.format(format, s.name(), "absent", "-", "(no " + s.module() + " module yet)", "-"));
                continue;
            }
            if (settings.skipped(s)) {
                console.say(String.format(format, s.name(), "skipped", "-", "(not in MASH_SERVICES)", "-"));
                continue;
            }
            Optional<ProcessHandle> running = runningPid(s.name(), s.jar(home.root()).toString());
            Integer recorded = recordedPort(s.name());
            int port = running.isPresent() && recorded != null ? recorded : port(s);
            if (running.isPresent()) {
                int code = ServiceProcess.healthStatus(port);
                String health = code == 200 ? console.green("ready (200)")
                        : code == 0 ? console.red("not answering") : console.red("not ready (" + code + ")");
                allOk &= code == 200;
                console.say(String.format(format, s.name(), "running", running.get().pid(), "http://localhost:" + port, health));
            } else {
                allOk = false;
                console.say(String.format(format, s.name(), "stopped", "-", "http://localhost:" + port, "-"));
            }
        }
        return allOk ? 0 : 3;
    }

    private boolean localRow(String name, String marker, int configuredPort, String format) {
        Optional<ProcessHandle> running = runningPid(name, marker);
        Integer recorded = recordedPort(name);
        int port = recorded != null ? recorded : configuredPort;
        if (running.isPresent()) {
            boolean up = ServiceProcess.portOpen("127.0.0.1", port);
            console.say(String.format(format, name, "running", running.get().pid(), "127.0.0.1:" + port,
                    up ? console.green("accepting connections") : console.red("not answering")));
            return up;
        }
        if (name.equals(POSTGRES)) {
            Optional<ProcessHandle> orphan = orphanPostmaster();
            if (orphan.isPresent()) {
                console.say(String.format(format, name, "orphaned", orphan.get().pid(), "127.0.0.1:" + port,
                        console.red("left behind by a killed ./mash process; ./mash down or up stops it")));
                return false;
            }
        }
        console.say(String.format(format, name, "stopped", "-", "127.0.0.1:" + port, "-"));
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // pid files and the lock
    // ------------------------------------------------------------------------------------------

    /**
     * The process in {@code .mash/run/NAME.pid} if it is alive and its command line contains
     * {@code marker} (so a recycled pid is never mistaken for ours).
     */
    public Optional<ProcessHandle> runningPid(String name, String marker) {
        try {
            Path file = home.pidFile(name);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String digits = Files.readString(file, StandardCharsets.UTF_8).replaceAll("[^0-9]", "");
            return digits.isEmpty() ? Optional.empty() : ServiceProcess.running(Long.parseLong(digits), marker);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Integer recordedPort(String name) {
        try {
            Path file = home.portFile(name);
            return Files.exists(file) ? Integer.valueOf(Files.readString(file, StandardCharsets.UTF_8).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private void record(String name, long pid, int port) throws IOException {
        Files.writeString(home.pidFile(name), pid + "\n", StandardCharsets.UTF_8);
        Files.writeString(home.portFile(name), port + "\n", StandardCharsets.UTF_8);
    }

    /** One ./mash up, down or restart at a time in a checkout. */
    private void lock() throws IOException {
        if (lockDepth++ > 0) {
            return;
        }
        Files.createDirectories(home.run());
        lockChannel = FileChannel.open(home.run().resolve("mash.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            lockDepth = 0;
            throw new MashException("another ./mash up or down is running in this checkout");
        }
    }

    private void unlock() throws IOException {
        if (--lockDepth > 0) {
            return;
        }
        if (lock != null) {
            lock.release();
            lockChannel.close();
            lock = null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
