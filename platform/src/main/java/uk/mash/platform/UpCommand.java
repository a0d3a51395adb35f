package uk.mash.platform;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./mash up [--replicas N]}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Build what is not built, start PostgreSQL, Kafka and the services, wait until all are"
                + " ready, print their URLs. Again while all is up: changes nothing.",
            "Settings are environment variables (./mash --help lists them)."})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Spec
    CommandSpec spec;

    @Option(names = "--replicas", paramLabel = "N",
            description = {"processes of each service, 1 to " + Replica.MAX + "; replica k listens on the service's"
                    + " port + 10*k (intake 8081, 8091, ...), logs to .mash/logs/intake-2.log, ...; all share the"
                    + " service's database and consumer group.",
                "Default: as many as run now, else 1. Fewer than run: the extra ones stop; more: the missing ones start."})
    Integer replicas;

    @Override
    public Integer call() throws Exception {
        if (replicas != null && (replicas < 1 || replicas > Replica.MAX)) {
            throw new ParameterException(spec.commandLine(), "--replicas must be 1 to " + Replica.MAX + ", not " + replicas);
        }
        mash.stack().up(replicas);
        return 0;
    }
}
