package uk.mash.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./mash status} and {@code ./mash down} do with several replicas of a service, against
 * real processes ({@link TinyService} standing in for intake, its command line carrying intake's
 * jar path as a real replica's does) in a checkout of their own: every replica listed with its port
 * and pid, one stopped by hand shown stopped, all stopped by down and the count forgotten.
 */
class LocalStackReplicasTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void statusListsEveryReplicaAndDownStopsThemAllAndForgetsTheCount() throws Exception {
        for (Service s : ServiceCatalog.SERVICES) {
            Files.createDirectories(root.resolve(s.module()));
        }
        int port = freePortWithItsSecondReplicasFree();
        MashHome home = new MashHome(root);
        LocalStack stack = new LocalStack(home, Settings.of(Map.of("MASH_SERVICES", "intake",
                "MASH_INTAKE_PORT", Integer.toString(port), "MASH_STOP_TIMEOUT", "10")),
                new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false), "");
        RunFiles run = new RunFiles(home);
        Files.createDirectories(home.run());
        ServiceProcess first = startIntakeReplica(home, "intake", port);
        ServiceProcess second = startIntakeReplica(home, "intake-2", port + 10);
        run.record("intake", first.pid(), port);
        run.record("intake-2", second.pid(), port + 10);
        run.recordReplicas(2);
        assertThat(stack.replicas()).isEqualTo(2);

        assertThat(stack.status()).as("PostgreSQL and Kafka are not running").isEqualTo(3);
        assertThat(printed()).containsPattern("(?m)^intake +running +" + first.pid() + " +http://localhost:" + port + " +ready \\(200\\)$")
                .containsPattern("(?m)^intake-2 +running +" + second.pid() + " +http://localhost:" + (port + 10) + " +ready \\(200\\)$")
                .contains("2 replicas of each service (replica k on its port + 10·k)")
                .doesNotContain("intake-3");

        // one replica dies: status says so, the other still runs
        second.kill();
        stack.status();
        assertThat(printed()).containsPattern("(?m)^intake-2 +stopped +- +http://localhost:" + (port + 10) + " +-$")
                .containsPattern("(?m)^intake +running +" + first.pid());

        // started again, then down stops both, each cleanly (SIGTERM), at once
        ServiceProcess again = startIntakeReplica(home, "intake-2", port + 10);
        run.record("intake-2", again.pid(), port + 10);
        stack.down(false);
        assertThat(first.isAlive()).isFalse();
        assertThat(again.isAlive()).isFalse();
        assertThat(Files.readString(first.log())).as("a clean stop (SIGTERM)").contains("stopped cleanly");
        assertThat(again.logSinceStart()).as("a clean stop (SIGTERM)").contains("stopped cleanly");
        assertThat(printed()).contains("intake-2: stopping (pid " + again.pid() + ")", "intake: stopping (pid " + first.pid() + ")")
                .containsPattern("intake-2: stopped in [0-9.]+ s").containsPattern("intake: stopped in [0-9.]+ s");
        assertThat(home.pidFile("intake")).doesNotExist();
        assertThat(home.pidFile("intake-2")).doesNotExist();
        assertThat(run.recordedReplicas()).as("a later up starts one of each unless told").isNull();
        assertThat(stack.replicas()).isEqualTo(1);

        stack.status();
        assertThat(printed()).contains("intake ").doesNotContain("intake-2").doesNotContain("replicas of each service");
    }

    /** Everything printed since the last call. */
    private String printed() {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    private ServiceProcess startIntakeReplica(MashHome home, String name, int port) throws Exception {
        ServiceProcess p = ServiceProcess.builder(name)
                .jvmOptions(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .mainClass(System.getProperty("java.class.path"), TinyService.class.getName(),
                        List.of(Integer.toString(port), "0", "normal", ServiceCatalog.INTAKE.jar(root).toString()))
                .readyWhen(ServiceProcess.ReadyCheck.health(port))
                .log(home.log(name))
                .build();
        started.add(p);
        p.start().awaitReady(Duration.ofSeconds(60));
        return p;
    }

    private static int freePortWithItsSecondReplicasFree() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            if (port + 10 <= 65535 && !ServiceProcess.portOpen("127.0.0.1", port + 10)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port with its +10 free");
    }
}
