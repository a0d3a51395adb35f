package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** The most connections one replica of each service may hold: the pools' max-size, 20 + 20 + 20 + 30, and a margin. */
    static final int CONNECTIONS_PER_REPLICA = 100;

    private final MashHome home;
    private final Settings settings;
    private final Console console;
    private final RunFiles run;
    private final ServiceBuild build;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;

    public LocalStack(MashHome home, Settings settings, Console console, String toolClasspath) {
        this.home = home;
        this.settings = settings;
        this.console = console;
        this.run = new RunFiles(home);
        this.build = new ServiceBuild(home, console, run, settings.services(), settings.aotPackaging());
        this.postgres = new LocalPostgres(home, settings, console, run, toolClasspath);
        this.kafka = new LocalKafka(home, settings, console, run, build);
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
        return postgres.superuserUrl();
    }

    /** Where the services' broker is: MASH_KAFKA_BOOTSTRAP, else the local broker's port. */
    public String kafkaBootstrap() {
        return kafka.bootstrap();
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
        Integer recorded = run.runningPid(LocalKafka.NAME, kafka.marker()).isPresent() ? run.recordedPort(LocalKafka.NAME) : null;
        return "127.0.0.1:" + (recorded != null ? recorded : settings.kafkaPort());
    }

    // ------------------------------------------------------------------------------------------
    // up
    // ------------------------------------------------------------------------------------------

    /** {@link #up(Integer)} with as many replicas as run now (one when none do). */
    public void up() throws Exception {
        up(null);
    }

    /**
     * Builds what is not built, starts PostgreSQL and Kafka side by side, makes the services'
     * databases, starts the services once both are ready and waits until each answers
     * {@code /q/health/ready}; then prints the URLs. Again while all is up: changes nothing.
     *
     * <p>{@code replicas}: processes of each service ({@code --replicas N}); null keeps the count
     * that runs now (recorded in {@code .mash/run/replicas}), else one. Asked for more than run:
     * the missing ones start; for fewer: the extra ones stop (the highest first), the others are
     * left alone. The first replica of every service starts (and is ready) before the others: a
     * first start makes what the replicas then share (the database's schema, audit's checkpoint
     * signing key, a file no lock guards), and two cores start five JVMs at once more readily than ten.
     */
    public void up(Integer replicas) throws Exception {
        Instant start = Instant.now();
        String wrong = replicas == null ? null : Replica.refusal(replicas, services(), settings);
        if (wrong != null) {
            throw new MashException(wrong); // before anything is made or started
        }
        for (Path dir : List.of(home.run(), home.logs(), home.keys(), home.build(), home.secrets())) {
            Files.createDirectories(dir);
        }
        ownerOnly(home.keys());
        ownerOnly(home.secrets());
        run.lock();
        try {
            Integer recorded = run.recordedReplicas();
            int count = replicas != null ? replicas : recorded != null ? recorded : 1;
            String refused = Replica.refusal(count, services(), settings);
            if (refused != null) {
                throw new MashException(refused);
            }
            if (recorded != null && recorded != count) {
                console.say("replicas: " + recorded + " running, " + count + " asked for: "
                        + (count > recorded ? "starting the missing ones" : "stopping the extra ones"));
            }
            stopReplicasFrom(count);
            run.recordReplicas(count);
            build.buildIfNeeded();
            SigningKeys.ensure(home.keys(), console.out());
            ServiceProcess startingPostgres = postgres.launch();
            ServiceProcess startingKafka = kafka.launch();
            if (startingPostgres != null) {
                await("PostgreSQL", startingPostgres);
            }
            if (count > 1) {
                warnIfTooFewConnections(count);
            }
            for (int wave = 0; wave < (count > 1 ? 2 : 1); wave++) {
                List<Replica> wanted = new ArrayList<>();
                for (Service s : services()) {
                    for (Replica r : Replica.of(s, count)) {
                        if ((r.index() == 0) == (wave == 0)) {
                            wanted.add(r);
                        }
                    }
                }
                startAndAwait(wanted, wave == 0 ? startingKafka : null);
            }
            printUrls(count);
            console.say("");
            console.say("up took " + Console.seconds(Duration.between(start, Instant.now())));
        } finally {
            run.unlock();
        }
    }

    /**
     * The services' connection pools hold up to 20 or 30 connections each (90 for the four), per
     * replica: PostgreSQL refuses connections past its max_connections, under load, long after up
     * said all was well. The embedded server allows {@link PostgresServer#MAX_CONNECTIONS}; one
     * started before that, or MASH_DB_URL's, may allow fewer: said now.
     */
    private void warnIfTooFewConnections(int count) {
        int needed = CONNECTIONS_PER_REPLICA * count;
        java.util.Properties props = new java.util.Properties();
        String user = settings.externalDatabase() == null ? "postgres" : settings.get("MASH_DB_USER");
        String password = settings.externalDatabase() == null ? null : settings.get("MASH_DB_PASSWORD");
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "mash-up");
        props.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection(superuserUrl(), props);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW max_connections")) {
            rs.next();
            int allowed = Integer.parseInt(rs.getString(1).trim());
            if (allowed < needed) {
                console.warn("PostgreSQL allows " + allowed + " connections; " + count + " replicas of each service may"
                        + " open up to " + needed + " under load: " + (settings.externalDatabase() == null
                        ? "./mash down, then ./mash up --replicas " + count + " starts it with room for " + PostgresServer.MAX_CONNECTIONS
                        : "raise its max_connections or put a pooler in front"));
            }
        } catch (SQLException | NumberFormatException e) {
            console.warn("could not ask PostgreSQL how many connections it allows (" + e.getMessage() + ")");
        }
    }

    /** Starts those of these replicas that do not run and waits until all of them are ready. */
    private void startAndAwait(List<Replica> wanted, ServiceProcess startingKafka) throws Exception {
        // which replicas must start; a running one that answers is left alone
        List<Replica> toStart = new ArrayList<>();
        Map<Replica, ServiceProcess> waiting = new LinkedHashMap<>();
        for (Replica r : wanted) {
            Service s = r.service();
            int port = port(r);
            Optional<ProcessHandle> running = run.runningPid(r.name(), s.jar(home.root()).toString());
            if (running.isPresent()) {
                long pid = running.get().pid();
                Integer was = run.recordedPort(r.name());
                if (was != null && was != port) {
                    throw new MashException(r.name() + " is running on port " + was + ", not " + port
                            + "; ./mash down first to change its port");
                }
                ServiceProcess p = ServiceProcess.attach(r.name(), running.get(), home.log(r.name()),
                        ServiceProcess.ReadyCheck.health(port));
                if (p.checkReady()) {
                    console.say(r.name() + ": already running (pid " + pid + ") and ready on " + url(r));
                    if (Files.getLastModifiedTime(s.jar(home.root())).compareTo(
                            Files.getLastModifiedTime(home.pidFile(r.name()))) > 0) {
                        console.warn(r.name() + " runs an older build than " + s.module()
                                + "/target: ./mash down && ./mash up to restart it");
                    }
                } else {
                    console.say(r.name() + ": running (pid " + pid + "), not ready yet");
                    waiting.put(r, p);
                }
            } else {
                if (ServiceProcess.portOpen("127.0.0.1", port)) {
                    throw new MashException(r.name() + ": port " + port + " is in use by another program: stop it, or set "
                            + s.portVariable() + (r.index() > 0 ? " (replica " + (r.index() + 1) + " listens on it + "
                            + Replica.PORT_STEP * r.index() + ")" : ""));
                }
                toStart.add(r);
            }
        }
        // the databases are made for a service's first replica; the others find them made
        List<Service> withDatabase = toStart.stream().filter(r -> r.index() == 0).map(Replica::service)
                .filter(ServiceCatalog::hasDatabase).toList();
        if (!withDatabase.isEmpty()) {
            bootstrapDatabases(withDatabase);
        }
        if (startingKafka != null) {
            await("Kafka", startingKafka);
        }
        trainWhereMissing(toStart);
        for (Replica r : toStart) {
            waiting.put(r, startService(r));
        }
        for (Map.Entry<Replica, ServiceProcess> w : waiting.entrySet()) {
            await(w.getKey().name() + " (" + url(w.getKey()) + "/q/health/ready)", w.getValue());
        }
    }

    /** Stops the replicas numbered {@code count} and up that run (after {@code up --replicas} asked for fewer). */
    private void stopReplicasFrom(int count) throws Exception {
        for (Service s : reversed(ServiceCatalog.SERVICES)) {
            List<Replica> found = new ArrayList<>();
            for (Replica r : reversed(Replica.all(s))) {
                if (r.index() >= count && Files.exists(home.pidFile(r.name()))) {
                    found.add(r);
                }
            }
            stopTogether(s, found);
        }
    }

    /**
     * Stops a service's replicas at once (SIGTERM to each, then waits for all; SIGKILL after
     * MASH_STOP_TIMEOUT): each takes seconds to shut down cleanly, and none of them waits for
     * another. One replica is stopped as {@link #stop} does.
     */
    private void stopTogether(Service s, List<Replica> replicas) throws IOException, InterruptedException {
        if (replicas.size() <= 1) {
            for (Replica r : replicas) {
                stop(r.name(), s.jar(home.root()).toString(), r.name());
            }
            return;
        }
        Instant start = Instant.now();
        Map<Replica, ServiceProcess> stopping = new LinkedHashMap<>();
        for (Replica r : replicas) {
            Optional<ProcessHandle> running = run.runningPid(r.name(), s.jar(home.root()).toString());
            if (running.isEmpty()) {
                console.say(r.name() + ": not running");
                Files.deleteIfExists(home.pidFile(r.name()));
                Files.deleteIfExists(home.portFile(r.name()));
                continue;
            }
            ServiceProcess p = ServiceProcess.attach(r.name(), running.get(), home.log(r.name()), () -> false);
            console.say(r.name() + ": stopping (pid " + p.pid() + ")");
            p.terminate();
            stopping.put(r, p);
        }
        Instant deadline = Instant.now().plus(settings.stopTimeout());
        for (Map.Entry<Replica, ServiceProcess> e : stopping.entrySet()) {
            String how = e.getValue().awaitStopped(deadline) ? "stopped" : "no exit after "
                    + settings.stopTimeout().toSeconds() + "s: SIGKILL";
            console.say(e.getKey().name() + ": " + how + " in " + Console.seconds(Duration.between(start, Instant.now())));
            Files.deleteIfExists(home.pidFile(e.getKey().name()));
            Files.deleteIfExists(home.portFile(e.getKey().name()));
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** How many replicas of each service run now, as the last up recorded (one when none did). */
    public int replicas() {
        Integer recorded = run.recordedReplicas();
        return recorded == null ? 1 : recorded;
    }

    /** A replica's port: the service's (MASH_INTAKE_PORT or the default) + 10·k. */
    public int port(Replica replica) {
        return replica.port(port(replica.service()));
    }

    /** {@code http://localhost:PORT} of a replica. */
    public String url(Replica replica) {
        return "http://localhost:" + port(replica);
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

    private void bootstrapDatabases(List<Service> toStart) throws Exception {
        String user = settings.externalDatabase() == null ? "postgres" : settings.get("MASH_DB_USER");
        String password = settings.externalDatabase() == null ? null : settings.get("MASH_DB_PASSWORD");
        List<String> names = toStart.stream().map(Service::name).toList();
        // audit's runtime user must not own (and so be able to change) its own log: a separate owner migrates
        List<String> separate = names.contains(ServiceCatalog.AUDIT.name()) ? List.of(ServiceCatalog.AUDIT.name()) : List.of();
        try {
            DatabaseBootstrap.run(superuserUrl(), user, password, home.secrets(), names, separate, console.out());
        } catch (SQLException e) {
            throw new MashException("could not make the services' databases (bootstrap failed: " + e.getMessage() + ")");
        }
    }


    // ------------------------------------------------------------------------------------------
    // services
    // ------------------------------------------------------------------------------------------

    private ServiceProcess startService(Replica r) throws IOException {
        ServiceJvm jvm = jvm(r.service());
        int port = port(r);
        ServiceProcess p = process(r).jvmOptions(jvm.startOptions())
                .log(home.log(r.name())).rotateLog().detached()
                .start();
        run.record(r.name(), p.pid(), port);
        boolean cached = jvm.cache() != null && jvm.cache().present();
        console.say(r.name() + ": starting (pid " + p.pid() + ") on " + url(r) + " (JDK " + jvm.java().feature()
                + (cached ? ", AOT cache" : "") + ")");
        return p;
    }

    /** How a service's JVM starts here: the JDK, the options, its AOT cache (README, "How to configure it"). */
    ServiceJvm jvm(Service s) throws IOException {
        if (!Files.isRegularFile(s.jar(home.root()))) {
            throw new MashException(s.name() + ": no " + home.shown(s.jar(home.root())) + "; the build should have made it");
        }
        return ServiceJvm.of(settings, s, s.app(home.root()), home.build().resolve("aot"));
    }

    /**
     * Makes the AOT cache of each of these replicas' services that has none for its jar yet (on a
     * JDK of 25 or newer), by a training run on the first of its replicas' port; see {@link AotTraining}.
     * The replicas are not running: their ports are free.
     */
    private void trainWhereMissing(List<Replica> replicas) throws IOException, InterruptedException {
        List<AotTraining.Trainee> trainees = new ArrayList<>();
        List<Service> seen = new ArrayList<>();
        for (Replica r : replicas) {
            if (seen.contains(r.service())) {
                continue;
            }
            seen.add(r.service());
            ServiceJvm jvm = jvm(r.service());
            if (jvm.needsTraining()) {
                trainees.add(new AotTraining.Trainee(r.name(), jvm, process(r), port(r)));
            }
        }
        new AotTraining(home, console, settings.startTimeout()).train(trainees);
    }

    /**
     * A replica's process, not started, without JVM options or log: its JDK, its jar, its
     * environment (its database and user, the broker, the token key, its own transaction log;
     * the console: the services' addresses and the local sign-in).
     */
    private ServiceProcess.Builder process(Replica r) throws IOException {
        Service s = r.service();
        Path jar = s.jar(home.root());
        if (!Files.isRegularFile(jar)) {
            throw new MashException(s.name() + ": no " + home.shown(jar) + "; the build should have made it");
        }
        int port = port(r);
        // MASH_DECISION_TIMESCALE, MASH_ESCALATION_*, MASH_LOG_JSON and Quarkus's own variables pass
        // through from this environment when set; the superuser's database settings do not.
        return ServiceProcess.builder(r.name())
                .java(settings.serviceJava().java())
                .quarkusApp(jar, port)
                .notInheriting(name -> name.equals("MASH_DB_URL") || name.equals("MASH_DB_USER") || name.equals("MASH_DB_PASSWORD"))
                .env(ServiceCatalog.hasDatabase(s) ? serviceEnvironment(r) : consoleEnvironment(r));
    }

    private Map<String, String> serviceEnvironment(Replica r) throws IOException {
        Service s = r.service();
        String password = secret(s.name());
        if (password == null) {
            throw new MashException(s.name() + ": no database password in " + home.shown(home.secrets().resolve(s.name() + ".password")));
        }
        // the database, its user and the broker (so the consumer group) are the service's, shared by its replicas
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(port(r), postgres.serviceDbUrl(s.name()), s.name(), password,
                kafkaBootstrap(), home.publicKey()));
        // the transaction log is the process's own: a recovery manager must never take another
        // live replica's transactions for its own unfinished ones
        env.putAll(ServiceEnvironment.transactions(home.run().resolve(r.name() + "-transactions"), r.name()));
        env.put("MALLOC_ARENA_MAX", "2");
        String owner = s.equals(ServiceCatalog.AUDIT) ? secret("audit_owner") : null;
        if (owner != null) {
            env.put(ServiceEnvironment.AUDIT_OWNER, "audit_owner");
            env.put(ServiceEnvironment.AUDIT_OWNER_PASSWORD, owner);
        }
        if (s.equals(ServiceCatalog.SCREENING)) {
            // read and checked with the other settings, so a bad value stops ./mash before anything starts
            env.putAll(ServiceEnvironment.screening(settings.informationDue()));
        }
        return env;
    }

    /**
     * The console: no database, no broker; the four services' addresses and the local sign-in
     * page. Console k calls replica k of each service, so that every replica is reached from a
     * browser too; the consoles keep nothing (a session is a signed token in a cookie), so any
     * one of them serves anyone signed in on another.
     */
    private Map<String, String> consoleEnvironment(Replica r) {
        Map<Service, String> urls = new LinkedHashMap<>();
        for (Service other : ServiceCatalog.SERVICES) {
            if (ServiceCatalog.hasDatabase(other)) {
                urls.put(other, url(new Replica(other, r.index())));
            }
        }
        return ServiceEnvironment.console(port(r), urls, home.privateKey());
    }

    private String secret(String name) throws IOException {
        Path file = home.secrets().resolve(name + ".password");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    }

    private void printUrls(int count) {
        console.say("");
        console.say(console.bold("MASH Hub is up") + (count > 1 ? " (" + count + " replicas of each service)" : ""));
        for (Service s : services()) {
            for (Replica r : Replica.of(s, count)) {
                String u = url(r);
                if (!ServiceCatalog.hasDatabase(s)) {
                    console.say(String.format("  %-11s %-35s sign in as anyone on %s", r.name(), u, u + "/sign-in"));
                    continue;
                }
                console.say(String.format("  %-11s API %-31s Swagger UI %s", r.name(), u + "/api/v1", u + "/q/swagger-ui"));
                console.say(String.format("  %-11s metrics %-27s health %s", "", u + "/q/metrics", u + "/q/health"));
            }
        }
        if (services().isEmpty()) {
            console.say("  (no services to run: only PostgreSQL and Kafka)");
        }
        if (settings.externalKafka() == null) {
            console.say("  Kafka       " + kafkaBootstrap());
        }
        if (settings.externalDatabase() == null) {
            console.say("  PostgreSQL  127.0.0.1:" + settings.pgPort() + " (superuser postgres; each service its own database and role)");
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
        run.lock();
        try {
            stopReplicasFrom(0);
            run.forgetReplicas();
            stop(LocalKafka.NAME, kafka.marker(), "Kafka");
            stop(LocalPostgres.NAME, postgres.marker(), "PostgreSQL");
            postgres.stopOrphan();
        } finally {
            run.unlock();
        }
        if (wipe) {
            RunFiles.deleteTree(home.home());
            console.say("wiped .mash/ (data, keys, secrets, logs)");
        } else {
            console.say("data kept in .mash/ (./mash down --wipe deletes it)");
        }
    }

    /** SIGTERM, wait, SIGKILL after MASH_STOP_TIMEOUT; the pid and port files go. */
    private void stop(String name, String marker, String label) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = run.runningPid(name, marker);
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
        while (!p.waitFor(Duration.ofMillis(500))) {
            if (Instant.now().isAfter(deadline)) {
                console.print(" no exit after " + settings.stopTimeout().toSeconds() + "s: SIGKILL");
                p.kill();
                break;
            }
            console.print(".");
        }
        console.say(" stopped in " + Console.seconds(Duration.between(start, Instant.now())));
        Files.deleteIfExists(home.pidFile(name));
        Files.deleteIfExists(home.portFile(name));
    }

    /** Before a restart of every service: when the sources changed, stop them all so that up rebuilds. */
    public void stopServicesIfStale() throws Exception {
        if (!build.servicesStale()) {
            return;
        }
        console.say("sources changed since the services were built: stopping them to rebuild");
        run.lock();
        try {
            for (Service s : services()) {
                stopTogether(s, reversed(Replica.all(s)).stream().filter(r -> Files.exists(home.pidFile(r.name()))).toList());
            }
        } finally {
            run.unlock();
        }
    }

    /**
     * Restarts these services one at a time (each ready before the next) on the newest build,
     * printing each one's start-up time as it logged it; returns those times in seconds (null
     * when it logged none), the first replica's. The stack must be up. With several replicas
     * each restarts in turn, so a service keeps answering throughout.
     */
    public Map<Service, Double> restartEach(List<Service> which) throws Exception {
        Map<Service, Double> startedIn = new LinkedHashMap<>();
        run.lock();
        try {
            for (Service s : which) {
                for (Replica r : Replica.of(s, replicas())) {
                    stop(r.name(), s.jar(home.root()).toString(), r.name());
                    trainWhereMissing(List.of(r));
                    ServiceProcess p = startService(r);
                    await(r.name() + " (" + url(r) + "/q/health/ready)", p);
                    Matcher m = STARTED_IN.matcher(p.logSinceStart());
                    String last = null;
                    while (m.find()) {
                        last = m.group(1);
                    }
                    if (last != null) {
                        console.say("  " + r.name() + ": started in " + last + "s");
                    }
                    startedIn.putIfAbsent(s, last == null ? null : Double.valueOf(last));
                }
            }
        } finally {
            run.unlock();
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
        int count = replicas();
        String format = "%-11s %-9s %-8s %-34s %s";
        console.say(String.format(format, "COMPONENT", "STATE", "PID", "WHERE", "HEALTH"));

        String externalDb = settings.externalDatabase();
        if (externalDb != null) {
            String hp = LocalPostgres.dbHostPort(externalDb).split(",")[0];
            String host = hp.contains(":") ? hp.substring(0, hp.lastIndexOf(':')) : hp;
            int p = hp.contains(":") ? Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1)) : 5432;
            boolean up = ServiceProcess.portOpen(host, p);
            allOk &= up;
            console.say(String.format(format, LocalPostgres.NAME, "external", "-", hp + " (MASH_DB_URL)", up ? console.green("reachable") : console.red("unreachable")));
        } else {
            allOk &= localRow(LocalPostgres.NAME, postgres.marker(), settings.pgPort(), format);
        }
        String externalKafka = settings.externalKafka();
        if (externalKafka != null) {
            String first = externalKafka.split(",")[0];
            boolean up = ServiceProcess.portOpen(first.substring(0, first.lastIndexOf(':')),
                    Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
            allOk &= up;
            console.say(String.format(format, LocalKafka.NAME, "external", "-", externalKafka, up ? console.green("reachable") : console.red("unreachable")));
        } else {
            allOk &= localRow(LocalKafka.NAME, kafka.marker(), settings.kafkaPort(), format);
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
            // every replica up asked for, and any other found running (stopped by hand, or left over)
            for (Replica r : Replica.all(s)) {
                Optional<ProcessHandle> running = run.runningPid(r.name(), s.jar(home.root()).toString());
                if (r.index() >= count && running.isEmpty()) {
                    continue;
                }
                Integer recorded = run.recordedPort(r.name());
                int port = running.isPresent() && recorded != null ? recorded : port(r);
                if (running.isPresent()) {
                    int code = ServiceProcess.healthStatus(port);
                    String health = code == 200 ? console.green("ready (200)")
                            : code == 0 ? console.red("not answering") : console.red("not ready (" + code + ")");
                    allOk &= code == 200;
                    console.say(String.format(format, r.name(), "running", running.get().pid(), "http://localhost:" + port, health));
                } else {
                    allOk = false;
                    console.say(String.format(format, r.name(), "stopped", "-", "http://localhost:" + port, "-"));
                }
            }
        }
        if (count > 1) {
            console.say(count + " replicas of each service (replica k on its port + " + Replica.PORT_STEP
                    + "·k); ./mash up --replicas N changes it");
        }
        return allOk ? 0 : 3;
    }

    private boolean localRow(String name, String marker, int configuredPort, String format) {
        Optional<ProcessHandle> running = run.runningPid(name, marker);
        Integer recorded = run.recordedPort(name);
        int port = recorded != null ? recorded : configuredPort;
        if (running.isPresent()) {
            boolean up = ServiceProcess.portOpen("127.0.0.1", port);
            console.say(String.format(format, name, "running", running.get().pid(), "127.0.0.1:" + port,
                    up ? console.green("accepting connections") : console.red("not answering")));
            return up;
        }
        if (name.equals(LocalPostgres.NAME)) {
            Optional<ProcessHandle> orphan = postgres.orphan();
            if (orphan.isPresent()) {
                console.say(String.format(format, name, "orphaned", orphan.get().pid(), "127.0.0.1:" + port,
                        console.red("left behind by a killed ./mash process; ./mash down or up stops it")));
                return false;
            }
        }
        console.say(String.format(format, name, "stopped", "-", "127.0.0.1:" + port, "-"));
        return false;
    }

    /** The pid of a running service of this stack. */
    public Optional<Long> pid(Service service) {
        return run.runningPid(service.name(), service.jar(home.root()).toString()).map(ProcessHandle::pid);
    }

    /** A service's own database on the stack's server (MASH_DB_URL's, its query kept but the credentials). */
    String serviceDbUrl(String database) {
        return postgres.serviceDbUrl(database);
    }
}
