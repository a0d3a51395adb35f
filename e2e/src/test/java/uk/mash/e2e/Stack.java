package uk.mash.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.mash.platform.ServiceCatalog;
import uk.mash.platform.ServiceEnvironment;
import uk.mash.platform.ServiceProcess;
import uk.mash.testsupport.MashTestInfrastructure;

/**
 * The whole product as its users meet it: one real Kafka broker (its own OS process, {@link KafkaBroker}),
 * one real PostgreSQL (zonky's, an OS process tree started by test-support), and the four packaged
 * services (and, for the browser tests, the console), each its own OS process ({@code java -jar <service>/target/quarkus-app/quarkus-run.jar}),
 * each with its own database. Any of them can be SIGKILLed and started again.
 */
final class Stack implements AutoCloseable {

    static final String AUDIT_OWNER = "e2e_audit_owner";
    static final String AUDIT_RUNTIME = "e2e_audit_runtime";

    private final Path root;
    private final Path logs;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final KafkaBroker broker;
    final String kafkaBootstrap;
    /** The PostgreSQL server's superuser connection (the bench makes its scratch databases with it). */
    String superUrl;
    String superuser;
    String superPassword;

    private Stack(Path root, Path logs, KafkaBroker broker) {
        this.root = root;
        this.logs = logs;
        this.broker = broker;
        this.kafkaBootstrap = broker.bootstrapServers();
    }

    Path root() {
        return root;
    }

    Path logs() {
        return logs;
    }

    static Stack start() throws Exception {
        return start(Map.of(), false);
    }

    /**
     * As {@link #start()}, every service also given {@code settings} (environment variables; a
     * service ignores what it does not read), e.g. screening's short information-request limits.
     */
    static Stack start(Map<String, String> settings) throws Exception {
        return start(settings, false);
    }

    /** The stack with the console too (its browser tests): a fifth process, calling the four services. */
    static Stack startWithConsole() throws Exception {
        return start(Map.of(), true);
    }

    /**
     * As {@link #start(Map)}, with {@code replicas} processes of each of the four services (no
     * console), as {@code ./mash up --replicas N} runs them: the same database, environment and
     * Kafka consumer groups, each replica on its own free port with its own copy of the app (so
     * its own transaction log) and its own log file ({@code intake-2-service.log}); each is a
     * {@link Service} of its own ({@link #service(String, int)}), killable alone.
     */
    static Stack start(Map<String, String> settings, int replicas) throws Exception {
        return start(settings, false, replicas);
    }

    private static Stack start(Map<String, String> settings, boolean withConsole) throws Exception {
        return start(settings, withConsole, 1);
    }

    private static Stack start(Map<String, String> settings, boolean withConsole, int replicas) throws Exception {
        if (replicas < 1 || (withConsole && replicas > 1)) {
            throw new IllegalArgumentException("replicas " + replicas + (withConsole ? " with the console" : ""));
        }
        List<uk.mash.platform.Service> wanted = ServiceCatalog.SERVICES.stream()
                .filter(s -> withConsole || ServiceCatalog.hasDatabase(s)).toList();
        Path root = Path.of(System.getProperty("mash.e2e.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("mash.e2e.logs", "target")).toAbsolutePath().normalize();
        Files.createDirectories(logs);
        for (uk.mash.platform.Service service : wanted) {
            Path jar = service.jar(root);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ": package the services first (./mvnw verify from the root does)");
            }
        }

        // the broker as its own process (so that it can be SIGKILLed), then test-support's PostgreSQL
        // (told to use that broker and start none in this JVM), which also writes the signing key
        // pair that TestTokens signs with
        Instant brokerStart = Instant.now();
        KafkaBroker broker = KafkaBroker.format(Files.createTempDirectory("mash-e2e-kafka"), logs.resolve("kafka.log"));
        broker.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "mash-e2e-stop-kafka"));
        Map<String, String> infra;
        try {
            System.setProperty("mash.test.kafka.external", broker.bootstrapServers());
            infra = new MashTestInfrastructure().start(); // PostgreSQL starts while the broker does
            broker.awaitReady(Duration.ofSeconds(180));
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
        System.out.println("e2e: Kafka broker (pid " + broker.pid() + ") on " + broker.bootstrapServers()
                + " and PostgreSQL ready in " + Duration.between(brokerStart, Instant.now()).toMillis() + " ms");
        String bootstrap = infra.get("kafka.bootstrap.servers");
        String testDbUrl = infra.get("quarkus.datasource.jdbc.url");
        String superuser = infra.get("quarkus.datasource.username");
        String superPassword = infra.get("quarkus.datasource.password");
        String base = testDbUrl.substring(0, testDbUrl.lastIndexOf('/') + 1);
        Path publicKey = Path.of(infra.get("mp.jwt.verify.publickey.location"));

        // one database per service; audit's log is migrated by an owner role and written by a
        // runtime role that may only SELECT and INSERT (as ./mash up arranges it)
        try (Connection c = DriverManager.getConnection(testDbUrl, superuser, superPassword);
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + AUDIT_OWNER + " LOGIN PASSWORD 'owner-e2e'");
            s.execute("CREATE ROLE " + AUDIT_RUNTIME + " LOGIN PASSWORD 'runtime-e2e'");
            for (String name : List.of("intake", "screening", "routing")) {
                s.execute("CREATE DATABASE e2e_" + name);
            }
            s.execute("CREATE DATABASE e2e_audit OWNER " + AUDIT_OWNER);
        }
        try (Connection c = DriverManager.getConnection(base + "e2e_audit", superuser, superPassword);
             Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + AUDIT_OWNER);
        }

        Stack stack = new Stack(root, logs, broker);
        stack.superUrl = testDbUrl;
        stack.superuser = superuser;
        stack.superPassword = superPassword;
        // should the test JVM be stopped without @AfterAll (Ctrl-C, a surefire timeout), no service outlives it
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "mash-e2e-stop-services"));
        Path checkpoints = Files.createTempDirectory("mash-e2e-checkpoints");
        Map<uk.mash.platform.Service, String> serviceUrls = new LinkedHashMap<>();
        for (uk.mash.platform.Service service : wanted) {
            String name = service.name();
            if (!ServiceCatalog.hasDatabase(service)) {
                // the console: the four services' addresses, and test-support's signing key for its sign-in page
                Map<String, String> env = ServiceEnvironment.console(freePort(), serviceUrls, publicKey.resolveSibling("private.pem"));
                Path app = copyApp(service.app(root), logs.resolve("apps/" + name));
                stack.services.put(name, new Service(name, app.resolve("quarkus-run.jar"), env, List.of(),
                        logs.resolve(name + ".log")));
                continue;
            }
            for (int k = 1; k <= replicas; k++) {
                String replica = replicaName(name, k);
                boolean audit = service.equals(ServiceCatalog.AUDIT);
                Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(freePort(), base + "e2e_" + name,
                        audit ? AUDIT_RUNTIME : superuser, audit ? "runtime-e2e" : superPassword, bootstrap, publicKey));
                if (audit) {
                    env.put(ServiceEnvironment.AUDIT_OWNER, AUDIT_OWNER);
                    env.put(ServiceEnvironment.AUDIT_OWNER_PASSWORD, "owner-e2e");
                }
                env.put("MASH_DECISION_TIMESCALE", "PT1H");
                env.putAll(settings);
                // services are killed and restarted: a short consumer session lets the restarted
                // process take its partitions back in seconds rather than the default 45 s
                List<String> sysProps = switch (name) {
                    case "intake" -> List.of("-Dmp.messaging.incoming.case-events.session.timeout.ms=6000",
                            "-Dmp.messaging.incoming.case-events.heartbeat.interval.ms=2000");
                    case "audit" -> List.of("-Dmash.audit.checkpoint-dir=" + checkpoints,
                            "-Dmp.messaging.incoming.audit-log.session.timeout.ms=6000",
                            "-Dmp.messaging.incoming.audit-log.heartbeat.interval.ms=2000");
                    case "screening" -> List.of("-Dmp.messaging.incoming.reports.session.timeout.ms=6000",
                            "-Dmp.messaging.incoming.reports.heartbeat.interval.ms=2000");
                    case "routing" -> List.of("-Dmp.messaging.incoming.case-events.session.timeout.ms=6000",
                            "-Dmp.messaging.incoming.case-events.heartbeat.interval.ms=2000");
                    default -> List.of();
                };
                Path app = copyApp(service.app(root), logs.resolve("apps/" + replica));
                // each process its own transaction log and node name, as ./mash up gives them
                env.putAll(ServiceEnvironment.transactions(app.resolve("transactions"), replica));
                stack.services.put(replica, new Service(replica, app.resolve("quarkus-run.jar"),
                        env, sysProps, logs.resolve(replica + "-service.log")));
                if (k == 1) {
                    serviceUrls.put(service, "http://localhost:" + env.get(ServiceEnvironment.HTTP_PORT));
                }
            }
        }
        try {
            // start all four at once (the machine is small, but waiting in parallel is cheaper);
            // further replicas once the first are ready, as a rolling start would, so that two
            // processes never make a service's schema at the same moment (Flyway waits for its
            // lock, but Axon's CREATE TABLE IF NOT EXISTS can collide in PostgreSQL's catalogue)
            for (int k = 1; k <= replicas; k++) {
                List<Service> wave = new ArrayList<>();
                for (uk.mash.platform.Service service : wanted) {
                    wave.add(stack.services.get(replicaName(service.name(), k)));
                }
                for (Service s : wave) {
                    s.launch();
                }
                for (Service s : wave) {
                    s.awaitSupervised(Duration.ofSeconds(300));
                }
            }
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    Service service(String name) {
        return services.get(name);
    }

    /** Replica {@code k} (from 1) of the service; replica 1 is {@link #service(String)}. */
    Service service(String name, int k) {
        Service s = services.get(replicaName(name, k));
        if (s == null) {
            throw new IllegalArgumentException("no replica " + k + " of " + name);
        }
        return s;
    }

    /** "intake" for the first replica (and a stack of one), "intake-2" for the second, as its log is named. */
    private static String replicaName(String name, int k) {
        return k == 1 ? name : name + "-" + k;
    }

    KafkaBroker broker() {
        return broker;
    }

    String url(String service, String path) {
        return "http://localhost:" + services.get(service).port() + path;
    }

    /** As {@link #url(String, String)}, on replica {@code k} of the service. */
    String url(String service, int k, String path) {
        return "http://localhost:" + service(service, k).port() + path;
    }

    @Override
    public void close() {
        // all at once: surefire halts a JVM whose shutdown takes over 30 s, which would leave
        // services running after it
        for (Service s : services.values()) {
            s.terminate();
        }
        Instant deadline = Instant.now().plusSeconds(15);
        for (Service s : services.values()) {
            s.awaitStopped(deadline);
        }
        broker.close();
    }

    /**
     * A private copy of the packaged service, so that a rebuild of the service module while this
     * test runs (another build in the same checkout) cannot pull the jars from under a process,
     * nor change what a restarted process runs.
     */
    private static Path copyApp(Path from, Path to) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(to);
                try (var paths = Files.walk(from)) {
                    for (Path p : (Iterable<Path>) paths::iterator) {
                        Path target = to.resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                if (Files.isRegularFile(to.resolve("quarkus-run.jar")) && Files.isDirectory(to.resolve("lib/main"))) {
                    return to;
                }
                throw new IOException("incomplete " + from);
            } catch (IOException e) {
                if (attempt >= 10) {
                    throw e;
                }
                Thread.sleep(3000); // being rebuilt right now: try again
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** A service process that exited or logged that it failed to start. */
    static final class StartFailed extends IllegalStateException {
        StartFailed(String message) {
            super(message);
        }
    }

    /**
     * One service as an OS process, which the test may kill and start again with the same
     * environment; the process itself is platform's {@link ServiceProcess}, as ./mash up's are.
     */
    static final class Service {
        private final String name;
        private final int port;
        private final ServiceProcess process;
        private final Path log;

        Service(String name, Path jar, Map<String, String> env, List<String> sysProps, Path log) {
            this.name = name;
            this.log = log;
            this.port = Integer.parseInt(env.get(ServiceEnvironment.HTTP_PORT));
            List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
            jvm.addAll(sysProps);
            this.process = ServiceProcess.builder(name).jvmOptions(jvm).quarkusApp(jar, port).env(env)
                    .directory(jar.getParent()).log(log).build();
        }

        int port() {
            return port;
        }

        /** Its log file (appended across restarts). */
        Path log() {
            return log;
        }

        long pid() {
            return process.pid();
        }

        void launch() throws IOException {
            process.start();
        }

        void awaitReady(Duration timeout) throws Exception {
            try {
                process.awaitReady(timeout);
            } catch (ServiceProcess.NotReady notReady) {
                if (notReady.stillRunning()) {
                    throw new IllegalStateException(notReady.getMessage());
                }
                throw new StartFailed(notReady.getMessage());
            }
        }

        /** SIGSTOP: the process holds still (as in a long pause) until {@link #resume()}. */
        void pause() throws Exception {
            process.pause();
        }

        /** SIGCONT after {@link #pause()}. */
        void resume() throws Exception {
            process.resume();
        }

        /** SIGKILL: no shutdown hook, nothing flushed, as a crashed host or the OOM killer would. */
        void kill() {
            process.kill();
        }

        void restart() throws Exception {
            launch();
            awaitReady(Duration.ofSeconds(300));
        }

        /**
         * Waits until the launched service is ready, starting it again, as a supervisor
         * (systemd, Kubernetes) would, when it exits because it failed to start, up to three
         * starts in all; returns how many starts it took. On two cores shared by four services,
         * a broker, PostgreSQL and the tests, a start can fail on its first database connection
         * (Flyway: "Acquisition timeout while waiting for new connection").
         */
        int awaitSupervised(Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            for (int starts = 1; ; starts++) {
                try {
                    awaitReady(Duration.between(Instant.now(), deadline));
                    return starts;
                } catch (StartFailed failed) {
                    if (starts >= 3 || Instant.now().isAfter(deadline)) {
                        throw failed;
                    }
                    System.out.println("e2e: " + failed.getMessage() + "; starting it again (as a supervisor would)");
                    stop();
                    launch();
                }
            }
        }

        void stop() {
            process.stop(Duration.ofSeconds(20));
        }

        /** SIGTERM (a clean stop), when it runs. */
        void terminate() {
            process.terminate();
        }

        /** Waits until the process has ended, and SIGKILLs it at the deadline. */
        void awaitStopped(Instant deadline) {
            process.awaitStopped(deadline);
        }
    }
}
