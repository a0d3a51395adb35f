package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.mash.platform.MashExtension;

/** ./mash's tool finds the bench on its classpath and adds it as ./mash bench. */
class BenchExtensionTest {

    @Test
    void theToolFindsTheBenchThroughServiceLoaderAsTheBenchCommand() {
        List<MashExtension> found = ServiceLoader.load(MashExtension.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        assertThat(found).hasAtLeastOneElementOfType(BenchExtension.class);
        MashExtension bench = found.stream().filter(BenchExtension.class::isInstance).findFirst().orElseThrow();
        CommandLine line = new CommandLine(bench.command(null));
        assertThat(line.getCommandName()).isEqualTo("bench");
        assertThat(line.getCommandSpec().optionsMap()).containsKeys("--duration", "--rate", "--max", "--log-entries");
    }

    @Test
    void withSettingsThatAreNotValidItSaysSoAndTouchesNothing() {
        StringWriter err = new StringWriter();
        CommandLine line = BenchCommand.commandLine(new BenchCommand(null));
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute("--duration", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("a MASH_* setting is not valid");
    }
}
