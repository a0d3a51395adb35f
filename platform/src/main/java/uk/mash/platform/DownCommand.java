package uk.mash.platform;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./mash down [--wipe]}. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop what up started; data is kept unless --wipe.")
final class DownCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Option(names = "--wipe", description = "delete .mash/ too (data, keys, secrets, logs)")
    boolean wipe;

    @Override
    public Integer call() throws Exception {
        mash.stack().down(wipe);
        return 0;
    }
}
