package uk.mash.platform;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ./mash status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "What runs, where, and whether it is healthy (exit 3 if anything is not).")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Override
    public Integer call() throws Exception {
        return mash.stack().status();
    }
}
