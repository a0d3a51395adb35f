package uk.mash.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./mash restart [NAME...]}. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart services one at a time (all when none named), each ready before the next, on the"
                + " newest build; prints each one's start-up time.")
final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", completionCandidates = ServiceNames.class,
            description = "intake, screening, routing or audit")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Service> which = new ArrayList<>();
        for (String name : names) {
            which.add(ServiceCatalog.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "restart: no service '" + name + "' (" + ServiceCatalog.names() + ")")));
        }
        mash.stack().restart(which);
        return 0;
    }

    /** The names for completion and help. */
    static final class ServiceNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ServiceNames() {
            super(ServiceCatalog.SERVICES.stream().map(Service::name).toList());
        }
    }
}
