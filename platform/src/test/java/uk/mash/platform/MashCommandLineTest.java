package uk.mash.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user types it: each subcommand's help, its wrong usage (exit 2), completion. */
class MashCommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "status", "restart", "token", "demo", "dead-letters", "test", "completion"})
    void everyCommandHasHelp(String command) {
        Run run = Run.of(command, "--help");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: mash " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "status", "restart", "token", "demo", "dead-letters"})
    void anUnknownOptionIsWrongUsageSaidClearly(String command) {
        Run run = command.equals("token") ? Run.of(command, "--role", "screener", "--colour") : Run.of(command, "--colour");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--colour'").contains("Usage: mash " + command);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theTopLevelListsTheCommandsAndRefusesAnUnknownOne() {
        Run help = Run.of("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("up", "down", "status", "restart", "token", "demo", "dead-letters", "test",
                "completion", "MASH_PG_PORT", "MASH_SERVICE_JVM_OPTS").doesNotContain("postgres ");
        Run unknown = Run.of("deploy");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'deploy'");
        assertThat(Run.of().exit()).isEqualTo(2);
    }

    @Test
    void downTakesOnlyWipeAndStatusNoArguments() {
        assertThat(Run.of("down", "--wipe", "now").exit()).isEqualTo(2);
        Run status = Run.of("status", "all");
        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("Unmatched argument");
    }

    @Test
    void restartRefusesAServiceThatDoesNotExist() {
        Run run = Run.of("restart", "payroll");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no service 'payroll' (intake, screening, routing, audit, console)");
    }

    @Test
    void upRefusesAReplicaCountOutsideOneToNineAsWrongUsage() {
        for (String count : List.of("0", "10", "-1")) {
            Run run = Run.of("up", "--replicas", count);
            assertThat(run.exit()).as(count).isEqualTo(2);
            assertThat(run.err()).contains("--replicas must be 1 to 9, not " + count).contains("Usage: mash up");
        }
        Run words = Run.of("up", "--replicas", "two");
        assertThat(words.exit()).isEqualTo(2);
        assertThat(words.err()).contains("Invalid value for option '--replicas': 'two' is not an int");
        assertThat(Run.of("up", "--help").out()).contains("--replicas=N", "port + 10*k");
    }

    @Test
    void upRefusesReplicasThatWouldShareAPortBeforeStartingAnything() {
        Run run = Run.withEnv(Map.of("MASH_CONSOLE_PORT", "8091"), "up", "--replicas", "2");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("mash: console would listen on port 8091, which intake-2 uses");
        assertThat(run.out()).as("nothing built or started").isEmpty();
    }

    @Test
    void tokenNeedsARole() {
        Run run = Run.of("token", "--agency", "POLICE");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--role=<role>'");
    }

    @Test
    void aBadPortInTheEnvironmentFailsTheCommandNamingIt() {
        Run run = Run.withEnv(Map.of("MASH_SCREENING_PORT", "eighty"), "status");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("mash: MASH_SCREENING_PORT must be a port number (1-65535), not 'eighty'");
    }

    @Test
    void aBadInformationDueTimeFailsTheCommandNamingIt() {
        Run run = Run.withEnv(Map.of("MASH_INFO_DUE_RED", "2h"), "status");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("mash: MASH_INFO_DUE_RED must be a positive ISO-8601 duration");
        assertThat(Run.of("--help").out()).contains("MASH_INFO_DUE_RED [PT2H]", "MASH_INFO_DUE_AMBER [PT6H]",
                "MASH_INFO_DUE_GREEN [PT24H]");
    }

    @Test
    void completionIsABashScriptCoveringCommandsAndOptions() {
        Run run = Run.of("completion");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_mash")
                .contains("dead-letters", "--wipe", "--role", "screener", "CHILDRENS_SERVICES", "--fast", "intake");
    }

    @Test
    void deadLettersReplayTakesIdsOrAll() {
        Run bad = Run.of("dead-letters", "--kafka", "127.0.0.1:1", "replay", "x:y");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'x:y' is not a dead-letter id");
    }

    @Test
    void testRunsMavenVerifyTheFastLaneOrOnlyTheNamedModules() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(MavenTestRun.command(root, false, List.of(), List.of("-Dmash.faults.reports=10000")))
                .containsExactly("./mvnw", "-B", "verify", "-Dmash.faults.reports=10000");
        assertThat(MavenTestRun.command(root, true, List.of(), List.of()))
                .containsExactly("./mvnw", "-B", "-Pfast", "test");
        assertThat(MavenTestRun.command(root, false, List.of("intake-service", "platform/"), List.of()))
                .containsExactly("./mvnw", "-B", "verify", "-pl", "intake-service,platform", "-am",
                        "-Dtest=uk/mash/intake/**/*Test,uk/mash/intake/**/*IT,uk/mash/platform/**/*Test,uk/mash/platform/**/*IT",
                        "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(MavenTestRun.command(root, true, List.of("contracts"), List.of()))
                .contains("-Pfast", "test", "-Dtest=uk/mash/contracts/**/*Test").doesNotContain("verify");
    }

    @Test
    void testRefusesAModuleThatDoesNotExist() {
        Run run = Run.of("test", "payroll-service");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no module 'payroll-service'");
    }
}
