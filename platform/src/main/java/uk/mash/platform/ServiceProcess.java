package uk.mash.platform;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One Java program run as an OS process of its own: a service ({@code java -jar
 * MODULE/target/quarkus-app/quarkus-run.jar}, or a copy of it), the local broker, the PostgreSQL
 * keeper. It starts with its environment and JVM options, writes everything it prints to a log
 * file, is waited for until it is ready (a service's {@code /q/health/ready} answers 200, or
 * another {@link ReadyCheck}) or the reason it is not is told, and is stopped with SIGTERM, then
 * SIGKILL after a timeout, or killed. {@code ./mash up}, e2e's stack and the bench all start
 * their processes here.
 *
 * <p>A process found running from an earlier {@code ./mash up} is {@link #attach attached}: it
 * can be waited for and stopped, its exit code is not known.
 */
public final class ServiceProcess {

    /** What a Quarkus application logs when its start failed (it may still be alive briefly). */
    static final String START_FAILED = "Failed to start application";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether a process is ready to be used. */
    @FunctionalInterface
    public interface ReadyCheck {
        boolean ready() throws IOException, InterruptedException;

        /** A service: {@code GET http://127.0.0.1:PORT/q/health/ready} answers 200. */
        static ReadyCheck health(int port) {
            return () -> healthStatus(port) == 200;
        }

        /** Something accepts TCP connections on 127.0.0.1:PORT (the broker, PostgreSQL). */
        static ReadyCheck listening(int port) {
            return () -> portOpen("127.0.0.1", port);
        }
    }

    /** Why a process did not become ready: it exited, it said it failed, or time ran out. */
    public static final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean stillRunning;

        NotReady(String message, boolean stillRunning) {
            super(message);
            this.stillRunning = stillRunning;
        }

        /** True when the process is alive (only the deadline passed); false when it exited or failed. */
        public boolean stillRunning() {
            return stillRunning;
        }
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final Path directory;
    private final ReadyCheck readyCheck;
    private final boolean detached;
    private final boolean rotateLog;
    private final Predicate<String> notInherited;
    private Process process;
    private ProcessHandle handle;
    private long logStart;
    private Instant started;

    private ServiceProcess(Builder b) {
        this.name = b.name;
        this.command = List.copyOf(b.commandLine());
        this.env = Map.copyOf(b.env);
        this.log = b.log;
        this.directory = b.directory;
        this.readyCheck = b.readyCheck;
        this.detached = b.detached;
        this.rotateLog = b.rotateLog;
        this.notInherited = b.notInherited;
    }

    /** A Java program called {@code name} (for messages); say what it runs with the builder. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A process started earlier (by another {@code ./mash}), found by its pid; it can be waited
     * for ({@code readyCheck}) and stopped.
     */
    public static ServiceProcess attach(String name, ProcessHandle handle, Path log, ReadyCheck readyCheck) {
        ServiceProcess p = builder(name).command(List.of()).log(log).readyWhen(readyCheck).build();
        p.handle = handle;
        p.started = handle.info().startInstant().orElse(Instant.now());
        return p;
    }

    public String name() {
        return name;
    }

    /** The command line it runs (the java executable first). */
    public List<String> command() {
        return command;
    }

    public Path log() {
        return log;
    }

    /** The OS process id; fails when not started. */
    public long pid() {
        return handle().pid();
    }

    public boolean isAlive() {
        return handle != null && handle.isAlive();
    }

    /**
     * Starts the process. The log is appended to (a line marks each start), or, with
     * {@link Builder#rotateLog()}, the previous one is kept as {@code NAME.prev.log}.
     */
    public ServiceProcess start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " already runs (pid " + pid() + ")");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        if (rotateLog && Files.exists(log) && Files.size(log) > 0) {
            Path previous = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + ".prev.log");
            Files.move(log, previous, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(log, "===== " + Instant.now() + " starting " + name + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        logStart = Files.size(log);
        List<String> line = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/nohup"))) {
            // outlives the terminal that ran ./mash up (nohup execs the program: the pid stays the same)
            line.add("/usr/bin/nohup");
        }
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().keySet().removeIf(notInherited);
        builder.environment().putAll(env);
        process = builder.start();
        handle = process.toHandle();
        started = Instant.now();
        return this;
    }

    /** Waits until it is ready; see {@link #awaitReady(Duration, Runnable)}. */
    public Duration awaitReady(Duration timeout) throws NotReady, InterruptedException {
        return awaitReady(timeout, () -> { });
    }

    /**
     * Waits until the ready check passes, calling {@code eachSecond} once a second meanwhile (a
     * progress dot). Returns how long it took since the start.
     *
     * @throws NotReady when the process exits (with its exit code when known), logs that it failed
     *                  to start, or is not ready within {@code timeout}
     */
    public Duration awaitReady(Duration timeout, Runnable eachSecond) throws NotReady, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextTick = Instant.now().plusSeconds(1);
        while (true) {
            if (checkReady()) {
                return Duration.between(started, Instant.now());
            }
            if (!isAlive()) {
                // its handle can see it gone a moment before the JDK has reaped it and knows its exit
                // code (exitValue() would then throw): wait for that moment
                String exit = process != null && process.waitFor(5, TimeUnit.SECONDS)
                        ? " (exit " + process.exitValue() + ")" : "";
                throw new NotReady(name + " stopped while starting" + exit + "; log: " + log, false);
            }
            if (logSinceStart().contains(START_FAILED)) {
                throw new NotReady(name + " failed to start (\"" + START_FAILED + "\"); log: " + log, false);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new NotReady(name + " not ready after " + timeout.toSeconds() + " s (still running as pid "
                        + pid() + "); log: " + log, true);
            }
            if (Instant.now().isAfter(nextTick)) {
                eachSecond.run();
                nextTick = nextTick.plusSeconds(1);
            }
            // looked at often: "ready in" is a start-up figure the bench reports, and a coarser look
            // would add up to its whole interval to it
            Thread.sleep(50);
        }
    }

    /** Whether the ready check passes now. */
    public boolean checkReady() throws InterruptedException {
        try {
            return readyCheck.ready();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * SIGTERM, then SIGKILL when it has not exited after {@code timeout}. Returns true when it
     * needed the SIGKILL.
     */
    public boolean stop(Duration timeout) {
        terminate();
        return !awaitStopped(Instant.now().plus(timeout));
    }

    /** SIGTERM (a clean stop: Quarkus and Kafka shut down in order), when it runs. */
    public void terminate() {
        if (isAlive()) {
            handle.destroy();
        }
    }

    /** Waits until the process has ended; SIGKILLs it at the deadline. True when it ended by itself. */
    public boolean awaitStopped(Instant deadline) {
        if (handle == null) {
            return true;
        }
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            handle.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            kill();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to {@code timeout} for the process to end, and nothing more; true when it has ended. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        if (handle == null) {
            return true;
        }
        try {
            handle.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, as a crashed host or the OOM killer would. */
    public void kill() {
        if (isAlive()) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** SIGSTOP: the process holds still (a long pause) until {@link #resume()}. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid() + " failed");
        }
    }

    /** What the process wrote to its log since it was started here (all of it when attached). */
    public String logSinceStart() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of its log, each cut to 400 characters (for a failure message). */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> l.length() > 400 ? l.substring(0, 400) : l).toList());
        } catch (IOException e) {
            return "";
        }
    }

    private ProcessHandle handle() {
        if (handle == null) {
            throw new IllegalStateException(name + " was not started");
        }
        return handle;
    }

    /** The HTTP status of {@code GET http://127.0.0.1:PORT/q/health/ready}; 0 when nothing answers. */
    public static int healthStatus(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Something accepts TCP connections at host:port (within 2 s). */
    public static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The java executable of this JVM: services run on the same JDK as the tool. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The live process with this pid whose command line contains {@code marker} (so a recycled pid is never ours). */
    public static Optional<ProcessHandle> running(long pid, String marker) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> commandLine(h).contains(marker));
    }

    /** A process's whole command line ({@code /proc/PID/cmdline}; ProcessHandle's may be cut short). */
    static String commandLine(ProcessHandle h) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return h.info().commandLine().orElse("");
        }
    }

    /** What to run and how. */
    public static final class Builder {
        private final String name;
        private final List<String> jvmOptions = new ArrayList<>();
        private List<String> program = List.of();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String java = ServiceProcess.java();
        private List<String> command;
        private Path log;
        private Path directory;
        private ReadyCheck readyCheck = () -> true;
        private boolean detached;
        private boolean rotateLog;
        private Predicate<String> notInherited = ServiceEnvironment::isServiceSetting;

        private Builder(String name) {
            this.name = name;
        }

        /** {@code java [jvmOptions] -jar JAR}, ready when {@code /q/health/ready} on {@code port} answers 200. */
        public Builder quarkusApp(Path jar, int port) {
            this.program = List.of("-jar", jar.toString());
            this.readyCheck = ReadyCheck.health(port);
            return this;
        }

        /** {@code java [jvmOptions] -cp CLASSPATH MAIN ARGS...}. */
        public Builder mainClass(String classpath, String mainClass, List<String> args) {
            List<String> p = new ArrayList<>(List.of("-cp", classpath, mainClass));
            p.addAll(args);
            this.program = p;
            return this;
        }

        /** The whole command line, java executable first, instead of the above. */
        public Builder command(List<String> commandLine) {
            this.command = List.copyOf(commandLine);
            return this;
        }

        /** JVM options and {@code -Dname=value} system properties, in order. */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /**
         * Which of this JVM's environment variables the process does not inherit: by default
         * every one a service reads ({@link ServiceEnvironment#isServiceSetting}), so that only
         * what is set here counts.
         */
        public Builder notInheriting(Predicate<String> variables) {
            this.notInherited = variables;
            return this;
        }

        /** Environment variables, set over the inherited ones. */
        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder java(String executable) {
            this.java = executable;
            return this;
        }

        /** Where its output goes (appended). */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /** Keeps the previous log as {@code NAME.prev.log} and starts a new one. */
        public Builder rotateLog() {
            this.rotateLog = true;
            return this;
        }

        public Builder directory(Path workingDirectory) {
            this.directory = workingDirectory;
            return this;
        }

        public Builder readyWhen(ReadyCheck check) {
            this.readyCheck = check;
            return this;
        }

        /** It outlives this JVM and the terminal (./mash up's services, broker and database). */
        public Builder detached() {
            this.detached = true;
            return this;
        }

        private List<String> commandLine() {
            if (command != null) {
                return command;
            }
            List<String> line = new ArrayList<>();
            line.add(java);
            line.addAll(jvmOptions);
            line.addAll(program);
            return line;
        }

        public ServiceProcess build() {
            if (log == null) {
                throw new IllegalStateException(name + ": no log file given");
            }
            return new ServiceProcess(this);
        }

        /** {@link #build()} and {@link ServiceProcess#start()}. */
        public ServiceProcess start() throws IOException {
            return build().start();
        }
    }
}
