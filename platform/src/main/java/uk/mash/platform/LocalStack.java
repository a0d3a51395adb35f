package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        this.build = new ServiceBuild(home, console, run, settings.services());
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
        run.lock();
        try {
            build.buildIfNeeded();
            SigningKeys.ensure(home.keys(), console.out());
            ServiceProcess startingPostgres = postgres.launch();
            ServiceProcess startingKafka = kafka.launch();
            if (startingPostgres != null) {
                await("PostgreSQL", startingPostgres);
            }

            // which services must start; a running one that answers is left alone
            List<Service> toStart = new ArrayList<>();
            Map<Service, ServiceProcess> waiting = new LinkedHashMap<>();
            for (Service s : services()) {
                int port = port(s);
                Optional<ProcessHandle> running = run.runningPid(s.name(), s.jar(home.root()).toString());
                if (running.isPresent()) {
                    long pid = running.get().pid();
                    Integer was = run.recordedPort(s.name());
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
            List<Service> withDatabase = toStart.stream().filter(ServiceCatalog::hasDatabase).toList();
            if (!withDatabase.isEmpty()) {
                bootstrapDatabases(withDatabase);
            }
            if (startingKafka != null) {
                await("Kafka", startingKafka);
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
            run.unlock();
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
    // services
    // ------------------------------------------------------------------------------------------

    private ServiceProcess startService(Service s) throws IOException {
        Path jar = s.jar(home.root());
        if (!Files.isRegularFile(jar)) {
            throw new MashException(s.name() + ": no " + home.shown(jar) + "; the build should have made it");
        }
        if (!ServiceCatalog.hasDatabase(s)) {
            return startConsole(s, jar);
        }
        String password = secret(s.name());
        if (password == null) {
            throw new MashException(s.name() + ": no database password in " + home.shown(home.secrets().resolve(s.name() + ".password")));
        }
        int port = port(s);
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(port, postgres.serviceDbUrl(s.name()), s.name(), password,
                kafkaBootstrap(), home.publicKey()));
        env.put(ServiceEnvironment.TRANSACTION_STORE, home.run().resolve(s.name() + "-transactions").toString());
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
        // MASH_DECISION_TIMESCALE, MASH_ESCALATION_*, MASH_LOG_JSON and Quarkus's own variables pass
        // through from this environment when set; the superuser's database settings do not.
        ServiceProcess p = ServiceProcess.builder(s.name())
                .jvmOptions(settings.serviceJvmOptions())
                .quarkusApp(jar, port)
                .notInheriting(name -> name.equals("MASH_DB_URL") || name.equals("MASH_DB_USER") || name.equals("MASH_DB_PASSWORD"))
                .env(env)
                .log(home.log(s.name())).rotateLog().detached()
                .start();
        run.record(s.name(), p.pid(), port);
        console.say(s.name() + ": starting (pid " + p.pid() + ") on " + url(s));
        return p;
    }

    /** The console: no database, no broker; the four services' addresses and the local sign-in page. */
    private ServiceProcess startConsole(Service s, Path jar) throws IOException {
        int port = port(s);
        Map<Service, String> urls = new LinkedHashMap<>();
        for (Service other : ServiceCatalog.SERVICES) {
            if (ServiceCatalog.hasDatabase(other)) {
                urls.put(other, url(other));
            }
        }
        ServiceProcess p = ServiceProcess.builder(s.name())
                .jvmOptions(settings.serviceJvmOptions())
                .quarkusApp(jar, port)
                .notInheriting(name -> name.equals("MASH_DB_URL") || name.equals("MASH_DB_USER") || name.equals("MASH_DB_PASSWORD"))
                .env(ServiceEnvironment.console(port, urls, home.privateKey()))
                .log(home.log(s.name())).rotateLog().detached()
                .start();
        run.record(s.name(), p.pid(), port);
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
            if (!ServiceCatalog.hasDatabase(s)) {
                console.say(String.format("  %-10s %-36s sign in as anyone on %s", s.name(), url(s), url(s) + "/sign-in"));
                continue;
            }
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
        run.lock();
        try {
            List<Service> reversed = new ArrayList<>(ServiceCatalog.SERVICES);
            java.util.Collections.reverse(reversed);
            for (Service s : reversed) {
                if (Files.exists(home.pidFile(s.name()))) {
                    stop(s.name(), s.jar(home.root()).toString(), s.name());
                }
            }
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
                if (Files.exists(home.pidFile(s.name()))) {
                    stop(s.name(), s.jar(home.root()).toString(), s.name());
                }
            }
        } finally {
            run.unlock();
        }
    }

    /**
     * Restarts these services one at a time (each ready before the next) on the newest build,
     * printing each one's start-up time as it logged it; returns those times in seconds (null
     * when it logged none). The stack must be up.
     */
    public Map<Service, Double> restartEach(List<Service> which) throws Exception {
        Map<Service, Double> startedIn = new LinkedHashMap<>();
        run.lock();
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
            Optional<ProcessHandle> running = run.runningPid(s.name(), s.jar(home.root()).toString());
            Integer recorded = run.recordedPort(s.name());
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
