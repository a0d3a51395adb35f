package uk.mash.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./mash test}: the Maven command is {@link MavenTestRun}'s, which the shim also runs on
 * its own (without building this tool) so that a test run never waits for it.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"The tests: ./mvnw -B verify (the tests start their own broker and database).",
            "--fast: ./mvnw -B -Pfast test (only the tests that need neither broker nor database).",
            "MODULE...: only those modules' tests (their upstream modules are built, not tested).",
            "Other arguments go to Maven, e.g. -Dmash.faults.reports=10000."})
final class TestCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Spec
    CommandSpec spec;

    @Option(names = "--fast", description = "only the tests that need neither broker nor database")
    boolean fast;

    @Parameters(paramLabel = "MODULE", arity = "0..*", description = "a module directory, e.g. intake-service")
    List<String> modules = new ArrayList<>();

    @Unmatched
    List<String> mavenArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        MashHome home = new MashHome(Mash.root());
        List<String> command;
        try {
            command = MavenTestRun.command(home.root(), fast, modules, mavenArgs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return MavenTestRun.run(home.root(), command);
    }
}
