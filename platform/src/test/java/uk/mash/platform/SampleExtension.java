package uk.mash.platform;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A subcommand from "another module", plugged in as the bench is: listed in this module's test
 * resources under META-INF/services/uk.mash.platform.MashExtension.
 */
public final class SampleExtension implements MashExtension {

    @Override
    public Object command(LocalStack stack) {
        return new Sample(stack);
    }

    @Command(name = "sample", mixinStandardHelpOptions = true, description = "Says where intake is.")
    static final class Sample implements Callable<Integer> {
        private final LocalStack stack;

        @Option(names = "--twice")
        boolean twice;

        @Spec
        CommandSpec spec;

        Sample(LocalStack stack) {
            this.stack = stack;
        }

        @Override
        public Integer call() {
            String said = "intake at " + stack.url(ServiceCatalog.INTAKE);
            spec.commandLine().getOut().println(twice ? said + "\n" + said : said);
            return 0;
        }
    }
}
