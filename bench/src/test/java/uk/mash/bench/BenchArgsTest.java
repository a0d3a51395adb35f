package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** ./mash bench refuses contradictory settings before it sends anything (nothing runs at these URLs). */
class BenchArgsTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run bench(String... extra) {
        List<String> argv = new ArrayList<>(List.of("--key", "/nonexistent/private.pem",
                "--intake", "http://127.0.0.1:9", "--screening", "http://127.0.0.1:9", "--routing", "http://127.0.0.1:9",
                "--audit", "http://127.0.0.1:9", "--kafka", "127.0.0.1:9", "--db", "jdbc:postgresql://127.0.0.1:9/postgres",
                "--home", "/nonexistent"));
        argv.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = BenchCommand.commandLine(new BenchCommand());
        line.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = line.execute(argv.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aRateAndMaxTogetherAreRefused() {
        Run run = bench("--rate", "50", "--max");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void maxTakesNoValue() {
        Run run = bench("--max", "50");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'50'");
    }

    @Test
    void aNegativeWarmupIsRefused() {
        Run run = bench("--warmup", "-1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--warmup must be 0 or more");
    }

    @Test
    void aZeroRateIsRefused() {
        Run run = bench("--rate", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--rate must be above 0");
    }

    @Test
    void anUnknownOptionIsRefused() {
        Run run = bench("--duratoin", "5");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--duratoin'").contains("Possible solutions: --duration");
    }

    @Test
    void theReplayNeedsTheAuditJarUnlessItIsSkipped() {
        Run run = bench();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--audit-jar is required");
    }

    @Test
    void helpListsTheREADMEsOptions() {
        Run run = bench("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--duration", "--rate", "--max", "--warmup", "--latency-rate", "--latency-duration",
                "--log-entries", "--history-entries", "--regenerate-log", "--in-flight", "--baseline-duration", "--drain-timeout");
    }

    @Test
    void settingsAreWhatWasAsked() {
        BenchCommand command = new BenchCommand();
        CommandLine line = BenchCommand.commandLine(command);
        line.parseArgs("--key", "k", "--intake", "i", "--screening", "s", "--audit", "a", "--kafka", "k:1", "--db", "d",
                "--home", "h", "--log-entries", "0", "--history-entries", "0", "--rate", "25", "--duration", "5");
        BenchSettings settings = command.settings();
        assertThat(settings.durationSeconds()).isEqualTo(5);
        assertThat(settings.rate().perSecond()).isEqualTo(25.0);
        assertThat(settings.inFlight()).isEqualTo(32);
        assertThat(settings.warmupSeconds()).isEqualTo(60);
        assertThat(settings.latencyRate()).isEqualTo(100.0);

        BenchCommand byDefault = new BenchCommand();
        BenchCommand.commandLine(byDefault).parseArgs("--key", "k", "--intake", "i", "--screening", "s", "--audit", "a",
                "--kafka", "k:1", "--db", "d", "--home", "h", "--log-entries", "0", "--history-entries", "0");
        assertThat(byDefault.settings().rate().max()).as("no --rate: --max").isTrue();
    }
}
