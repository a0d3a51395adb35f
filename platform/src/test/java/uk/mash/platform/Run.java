package uk.mash.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the tool as the command line would do it, with what it printed. */
record Run(int exit, String out, String err) {

    static Run of(String... argv) {
        return withEnv(java.util.Map.of(), argv);
    }

    /** With these environment variables instead of this JVM's. */
    static Run withEnv(java.util.Map<String, String> env, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Mash.commandLine(env, new Console(o, e, false)).execute(argv);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
