package uk.mash.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ServiceProcess against real processes ({@link TinyService}): start, ready, stop, kill, and why not ready. */
class ServiceProcessTest {

    @TempDir
    Path dir;

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(ServiceProcess::kill);
    }

    private ServiceProcess start(String... args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ServiceProcess p = ServiceProcess.builder("tiny")
                .jvmOptions(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .mainClass(System.getProperty("java.class.path"), TinyService.class.getName(), List.of(args))
                .readyWhen(ServiceProcess.ReadyCheck.health(port))
                .env("MASH_SOMETHING", "given")
                .log(dir.resolve("tiny.log"))
                .build();
        started.add(p);
        return p.start();
    }

    @Test
    void startsWaitsUntilReadyAndStopsWithSigterm() throws Exception {
        int port = freePort();
        ServiceProcess p = start(Integer.toString(port), "1500");
        assertThat(p.isAlive()).isTrue();
        assertThat(p.pid()).isPositive();
        assertThat(ServiceProcess.healthStatus(port)).as("not ready before its delay").isZero();

        Duration took = p.awaitReady(Duration.ofSeconds(60));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(ServiceProcess.healthStatus(port)).isEqualTo(200);
        assertThat(ServiceProcess.running(p.pid(), TinyService.class.getName())).isPresent();

        boolean neededKill = p.stop(Duration.ofSeconds(30));
        assertThat(neededKill).as("a clean stop needs no SIGKILL").isFalse();
        assertThat(p.isAlive()).isFalse();
        assertThat(Files.readString(p.log())).contains("tiny service ready", "stopped cleanly");
        assertThat(ServiceProcess.running(p.pid(), TinyService.class.getName())).isEmpty();
    }

    @Test
    void killsAProcessThatIgnoresSigtermAfterTheTimeout() throws Exception {
        int port = freePort();
        ServiceProcess p = start(Integer.toString(port), "0", "stubborn");
        p.awaitReady(Duration.ofSeconds(60));
        p.terminate();
        assertThat(p.waitFor(Duration.ofMillis(500))).as("waiting alone kills nothing").isFalse();
        assertThat(p.isAlive()).isTrue();
        long before = System.nanoTime();
        assertThat(p.stop(Duration.ofSeconds(2))).as("it needed the SIGKILL").isTrue();
        assertThat(p.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(Files.readString(p.log())).doesNotContain("stopped cleanly");
    }

    @Test
    void killIsSigkillNoShutdownRuns() throws Exception {
        int port = freePort();
        ServiceProcess p = start(Integer.toString(port), "0");
        p.awaitReady(Duration.ofSeconds(60));
        p.kill();
        assertThat(p.isAlive()).isFalse();
        assertThat(Files.readString(p.log())).contains("tiny service ready").doesNotContain("stopped cleanly");

        // and it can be started again, its log appended to
        p.start();
        p.awaitReady(Duration.ofSeconds(60));
        assertThat(Files.readString(p.log()).split("starting tiny", -1)).hasSize(3);
    }

    @Test
    void saysWhenTheProcessExitsWhileStarting() throws Exception {
        ServiceProcess p = start(Integer.toString(freePort()), "0", "exit");
        assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(60)))
                .isInstanceOf(ServiceProcess.NotReady.class)
                .hasMessageContaining("tiny stopped while starting (exit 3)")
                .hasMessageContaining(p.log().toString())
                .satisfies(e -> assertThat(((ServiceProcess.NotReady) e).stillRunning()).isFalse());
    }

    @Test
    void saysWhenTheApplicationLogsThatItFailedToStart() throws Exception {
        ServiceProcess p = start(Integer.toString(freePort()), "0", "fail");
        assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(60)))
                .isInstanceOf(ServiceProcess.NotReady.class)
                .hasMessageContaining("tiny failed to start");
    }

    @Test
    void saysWhenItIsNotReadyInTimeAndLeavesItRunning() throws Exception {
        ServiceProcess p = start(Integer.toString(freePort()), "600000");
        assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(2)))
                .isInstanceOf(ServiceProcess.NotReady.class)
                .hasMessageContaining("tiny not ready after 2 s (still running as pid " + p.pid())
                .satisfies(e -> assertThat(((ServiceProcess.NotReady) e).stillRunning()).isTrue());
        assertThat(p.isAlive()).isTrue();
    }

    @Test
    void aProcessFoundByItsPidCanBeStopped() throws Exception {
        int port = freePort();
        ServiceProcess p = start(Integer.toString(port), "0");
        p.awaitReady(Duration.ofSeconds(60));
        ServiceProcess attached = ServiceProcess.attach("tiny again",
                ServiceProcess.running(p.pid(), TinyService.class.getName()).orElseThrow(), p.log(),
                ServiceProcess.ReadyCheck.health(port));
        assertThat(attached.checkReady()).isTrue();
        assertThat(attached.stop(Duration.ofSeconds(30))).isFalse();
        assertThat(p.isAlive()).isFalse();
        // a pid whose command line lacks the marker is not ours
        assertThat(ServiceProcess.running(ProcessHandle.current().pid(), "no-such-marker")).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
