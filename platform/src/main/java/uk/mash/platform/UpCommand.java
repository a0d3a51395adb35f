package uk.mash.platform;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ./mash up}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Build what is not built, start PostgreSQL, Kafka and the services, wait until all are"
                + " ready, print their URLs. Again while all is up: changes nothing.",
            "Settings are environment variables (./mash --help lists them)."})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Override
    public Integer call() throws Exception {
        mash.stack().up();
        return 0;
    }
}
