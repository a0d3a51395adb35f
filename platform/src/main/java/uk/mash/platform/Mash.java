package uk.mash.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code ./mash}: the MASH Hub on this machine (CONTRACT.md's command line). One picocli command
 * per subcommand; subcommands of other modules (the bench) come in through {@link MashExtension}.
 * Exit codes: 0 done, 1 failed, 2 wrong usage, 3 (status) something is not healthy.
 */
@Command(name = "mash", mixinStandardHelpOptions = true, versionProvider = Mash.Version.class,
        description = "MASH Hub on this machine: a real PostgreSQL and Kafka broker (no Docker) and the services,"
                + " state in .mash/.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, RestartCommand.class,
            TokenCommand.class, DemoCommand.class, DeadLettersCommand.class, TestCommand.class,
            CommandLine.HelpCommand.class, CompletionCommand.class, PostgresServer.class},
        footerHeading = "%nEnvironment (defaults in brackets):%n",
        footer = {
            "  MASH_PG_PORT [5432], MASH_KAFKA_PORT [9092; its controller uses +1]",
            "  MASH_INTAKE_PORT [8081], MASH_SCREENING_PORT [8082],",
            "  MASH_ROUTING_PORT [8083], MASH_AUDIT_PORT [8084],",
            "  MASH_AUDIT_BENCH_PORT [8079] (the bench's own audit-service)",
            "  MASH_DB_URL           a PostgreSQL superuser JDBC URL instead of the",
            "                        embedded server (MASH_DB_USER, MASH_DB_PASSWORD",
            "                        if not in the URL)",
            "  MASH_KAFKA_BOOTSTRAP  a Kafka cluster instead of the local broker",
            "  MASH_KAFKA_PARTITIONS partitions of each topic the local broker makes (12)",
            "  MASH_DECISION_TIMESCALE, MASH_ESCALATION_RED, MASH_ESCALATION_OTHER,",
            "  MASH_LOG_JSON         passed on to the services when set",
            "  MASH_INFO_DUE_RED [PT2H], MASH_INFO_DUE_AMBER [PT6H],",
            "  MASH_INFO_DUE_GREEN [PT24H]  how long an agency has to answer an",
            "                        information request, by the case's RAG",
            "  MASH_SERVICES         only these services (e.g. \"intake\"; \"none\")",
            "  MASH_SERVICE_JVM_OPTS each service's JVM options (the whole set)",
            "  MASH_SERVICE_JAVA_HOME the services' JDK [the newest 25+ in /usr/lib/jvm,",
            "                        else the tool's own]",
            "  MASH_SERVICE_AOT [on] on JDK 25+: each service's AOT cache, made by a",
            "                        training run after each build; off: none",
            "  MASH_START_TIMEOUT [180], MASH_STOP_TIMEOUT [30]  seconds"})
public final class Mash implements Runnable {

    /** Where the checkout is: the shim passes it (-Dmash.root); else the working directory. */
    static final String ROOT_PROPERTY = "mash.root";

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Console console;
    private LocalStack stack;

    Mash(Map<String, String> env, Console console) {
        this.env = env;
        this.console = console;
    }

    public static void main(String[] argv) {
        String first = argv.length == 0 ? "" : argv[0];
        // PostgreSQL's own output is worth keeping in its log; the other commands stay quiet
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "postgres".equals(first) ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        if ("dead-letters".equals(first)) {
            // it says itself, once, when the broker cannot be reached; the client would warn every second
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        }
        System.exit(commandLine(System.getenv(), Console.system()).execute(argv));
    }

    /** The whole command line, with the extensions found on the classpath. */
    static CommandLine commandLine(Map<String, String> env, Console console) {
        Mash mash = new Mash(env, console);
        CommandLine cl = new CommandLine(mash);
        Set<String> names = new HashSet<>(cl.getSubcommands().keySet());
        Set<String> extensions = new HashSet<>();
        LocalStack stack = null;
        String settingsError = null;
        try {
            stack = mash.stack();
        } catch (MashException e) {
            settingsError = e.getMessage();
        }
        for (MashExtension extension : ServiceLoader.load(MashExtension.class)) {
            CommandLine sub = new CommandLine(extension.command(stack));
            if (names.add(sub.getCommandName())) {
                cl.addSubcommand(sub);
                extensions.add(sub.getCommandName());
            }
        }
        cl.setOut(new PrintWriter(console.out(), true));
        cl.setErr(new PrintWriter(console.err(), true));
        cl.setExecutionExceptionHandler(new Failure(console));
        String refused = settingsError;
        cl.setExecutionStrategy(parsed -> {
            // an extension got no stack when the environment's settings are wrong: it may show its
            // help, but runs only with them right (the built-in commands read them when they run)
            ParseResult sub = parsed.subcommand();
            if (refused != null && sub != null && extensions.contains(sub.commandSpec().name())
                    && !sub.isUsageHelpRequested() && !sub.isVersionHelpRequested()) {
                throw new CommandLine.ExecutionException(cl, refused, new MashException(refused));
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    @Override
    public void run() {
        // no command: wrong usage (picocli prints the message and the usage)
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: up, down, status, ...");
    }

    /** The local stack of this checkout, read from the environment on first use. */
    LocalStack stack() {
        if (stack == null) {
            Settings settings;
            try {
                settings = Settings.of(env);
            } catch (IllegalArgumentException e) {
                throw new MashException(e.getMessage());
            }
            stack = new LocalStack(new MashHome(root()), settings, console, System.getProperty("java.class.path"));
        }
        return stack;
    }

    /** The checkout: the shim passes it (-Dmash.root); else the working directory. */
    static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    Console console() {
        return console;
    }

    /** A failure the user can act on prints one line ("mash: ..."); anything else its causes too. */
    static final class Failure implements IExecutionExceptionHandler {
        private final Console console;

        Failure(Console console) {
            this.console = console;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
            if (e instanceof CommandLine.ExecutionException && e.getCause() instanceof MashException) {
                e = (MashException) e.getCause();
            }
            if (e instanceof MashException) {
                console.note(console.red("mash: " + e.getMessage()));
                return 1;
            }
            List<String> lines = new ArrayList<>();
            lines.add("mash " + cl.getCommandName() + ": " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                lines.add("  caused by: " + cause);
            }
            console.note(console.red(String.join("\n", lines)));
            return 1;
        }
    }

    /** The version of the checkout's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Mash.class.getPackage().getImplementationVersion();
            return new String[] {"mash " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
