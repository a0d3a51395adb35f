package uk.mash.platform;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A subcommand of another module (the bench) plugs in through ServiceLoader, with the local stack. */
class MashExtensionTest {

    @Test
    void anExtensionIsASubcommandWithItsOwnOptionsHelpAndTheStack() {
        assertThat(Run.of("--help").out()).contains("sample", "Says where intake is.");
        Run run = Run.withEnv(Map.of("MASH_INTAKE_PORT", "18081"), "sample", "--twice");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("intake at http://localhost:18081\nintake at http://localhost:18081\n");
        Run wrong = Run.of("sample", "--thrice");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("Unknown option: '--thrice'");
        assertThat(Run.of("completion").out()).contains("sample", "--twice");
    }

    @Test
    void withWrongSettingsItShowsItsHelpButDoesNotRun() {
        Map<String, String> bad = Map.of("MASH_INTAKE_PORT", "none");
        assertThat(Run.withEnv(bad, "sample", "--help").exit()).isZero();
        Run run = Run.withEnv(bad, "sample");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("mash: MASH_INTAKE_PORT must be a port number (1-65535), not 'none'");
        assertThat(run.out()).isEmpty();
    }
}
