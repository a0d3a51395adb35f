package uk.mash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What {@code ./mash dead-letters} says without a broker: wrong arguments, and a broker that is not there. */
class DeadLettersCommandTest {

    @Test
    void saysSoAndFailsWhenNoBrokerAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Run run = Run.of("dead-letters", "--kafka", "127.0.0.1:" + port, "--timeout", "2");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach Kafka at 127.0.0.1:" + port, "./mash up");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesAnIdThatIsNotPartitionColonOffset() {
        Run run = Run.of("dead-letters", "--kafka", "127.0.0.1:1", "replay", "7");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'7' is not a dead-letter id (PARTITION:OFFSET");
    }

    @Test
    void replayNeedsIdsOrAllButNotBoth() {
        Run nothing = Run.of("dead-letters", "--kafka", "127.0.0.1:1", "replay");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("Missing required argument", "ID", "--all");
        Run both = Run.of("dead-letters", "--kafka", "127.0.0.1:1", "replay", "0:1", "--all");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Run allAlone = Run.of("dead-letters", "--kafka", "127.0.0.1:1", "--all");
        assertThat(allAlone.exit()).isEqualTo(2);
        assertThat(allAlone.err()).contains("Unknown option: '--all'");
    }

    @Test
    void aHeaderIsShownOnOneLineWithoutTerminalControlCharacters() {
        assertThat(DeadLettersCommand.shown("bad\n\u001b[31mred\ttext")).isEqualTo("bad [31mred text");
        assertThat(DeadLettersCommand.shown(null)).isEqualTo("-");
    }
}
