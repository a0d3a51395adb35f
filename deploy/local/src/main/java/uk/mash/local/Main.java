package uk.mash.local;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local platform tool behind {@code ./mash}: one subcommand per class, dispatched here.
 * Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
public final class Main {

    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("postgres", new PostgresCommand());
        COMMANDS.put("bootstrap", new BootstrapCommand());
        COMMANDS.put("keys", new KeysCommand());
        COMMANDS.put("token", new TokenCommand());
        COMMANDS.put("demo", new DemoCommand());
        COMMANDS.put("dead-letters", new DeadLettersCommand());
    }

    private Main() {
    }

    public static void main(String[] argv) {
        String name = argv.length == 0 ? "help" : argv[0];
        // PostgreSQL's own output is worth keeping in its log; the other commands stay quiet.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "postgres".equals(name) ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        if ("dead-letters".equals(name)) {
            // it says itself, once, when the broker cannot be reached; the client would warn every second
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        }
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        String name = argv.length == 0 ? "help" : argv[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            usage(out);
            return argv.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(name);
        if (command == null) {
            err.println("mash-local: unknown command '" + name + "'");
            usage(err);
            return 2;
        }
        try {
            return command.run(Args.parse(Arrays.copyOfRange(argv, 1, argv.length)), out, err);
        } catch (UsageException e) {
            err.println("mash-local " + name + ": " + e.getMessage());
            err.println("usage: " + command.usage());
            return 2;
        } catch (Exception e) {
            err.println("mash-local " + name + ": " + e);
            Throwable cause = e.getCause();
            while (cause != null) {
                err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            return 1;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: mash-local COMMAND [options]");
        for (Command c : COMMANDS.values()) {
            out.println("  " + c.usage());
        }
    }
}
