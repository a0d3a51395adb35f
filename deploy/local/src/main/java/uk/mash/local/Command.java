package uk.mash.local;

import java.io.PrintStream;

/** One subcommand of the local tool. */
interface Command {

    /** Runs the command; returns the process exit code. Throws {@link UsageException} for wrong arguments. */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;

    /** One line: the command and its options. */
    String usage();
}
