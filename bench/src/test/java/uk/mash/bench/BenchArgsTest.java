package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./mash bench refuses contradictory settings before it sends anything (nothing runs at these URLs). */
class BenchArgsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() {
        assertThat(Run.of("keys", "--dir", dir.toString()).exit()).isZero();
    }

    private static Run bench(String... extra) {
        List<String> argv = new ArrayList<>(List.of("bench", "--key", dir.resolve("private.pem").toString(),
                "--intake", "http://127.0.0.1:9", "--screening", "http://127.0.0.1:9", "--routing", "http://127.0.0.1:9",
                "--audit", "http://127.0.0.1:9", "--kafka", "127.0.0.1:9", "--db", "jdbc:postgresql://127.0.0.1:9/postgres",
                "--home", dir.toString()));
        argv.addAll(List.of(extra));
        return Run.of(argv.toArray(String[]::new));
    }

    @Test
    void aRateAndMaxTogetherAreRefused() {
        Run run = bench("--rate", "50", "--max");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--rate and --max exclude each other");
    }

    @Test
    void maxTakesNoValue() {
        Run run = bench("--max", "50");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--max takes no value");
    }

    @Test
    void aNegativeWarmupIsRefused() {
        Run run = bench("--warmup", "-1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--warmup must be 0 or more");
    }

    @Test
    void anUnknownOptionIsRefused() {
        Run run = bench("--duratoin", "5");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --duratoin");
    }
}
