package uk.mash.platform;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./mash up --replicas N}: what each replica is called, where it listens, and which counts are refused. */
class ReplicaTest {

    private static final Settings DEFAULTS = Settings.of(Map.of());

    @Test
    void replicaKListensOnTheServicesPortPlusTenKAndTheFirstKeepsTheServicesName() {
        List<Replica> intake = Replica.of(ServiceCatalog.INTAKE, 3);
        assertThat(intake).extracting(Replica::name).containsExactly("intake", "intake-2", "intake-3");
        assertThat(intake).extracting(r -> r.port(DEFAULTS.port(ServiceCatalog.INTAKE))).containsExactly(8081, 8091, 8101);
        // CONTRACT.md's example, and the others likewise
        assertThat(new Replica(ServiceCatalog.AUDIT, 1).port(8084)).isEqualTo(8094);
        assertThat(new Replica(ServiceCatalog.CONSOLE, 8).port(8080)).isEqualTo(8160);
        // a moved service moves its replicas with it
        Settings moved = Settings.of(Map.of("MASH_ROUTING_PORT", "18083"));
        assertThat(new Replica(ServiceCatalog.ROUTING, 1).port(moved.port(ServiceCatalog.ROUTING))).isEqualTo(18093);
    }

    @Test
    void oneToNineReplicasOfTheDefaultPortsCollideWithNothing() {
        for (int n = 1; n <= Replica.MAX; n++) {
            assertThat(Replica.refusal(n, ServiceCatalog.SERVICES, DEFAULTS)).as("%d replicas", n).isNull();
        }
        assertThat(Replica.all(ServiceCatalog.SCREENING)).hasSize(9).last().extracting(Replica::name).isEqualTo("screening-9");
    }

    @Test
    void aCountOutsideOneToNineIsRefusedSayingWhatIsAllowed() {
        assertThat(Replica.refusal(0, ServiceCatalog.SERVICES, DEFAULTS)).isEqualTo("--replicas must be 1 to 9, not 0");
        assertThat(Replica.refusal(10, ServiceCatalog.SERVICES, DEFAULTS)).isEqualTo("--replicas must be 1 to 9, not 10");
        assertThatThrownBy(() -> new Replica(ServiceCatalog.INTAKE, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplicaOnAnotherServicesOrTheBrokersPortIsRefusedNamingBoth() {
        // the console moved to where intake's second replica listens
        Settings console = Settings.of(Map.of("MASH_CONSOLE_PORT", "8091"));
        assertThat(Replica.refusal(1, ServiceCatalog.SERVICES, console)).isNull();
        assertThat(Replica.refusal(2, ServiceCatalog.SERVICES, console))
                .startsWith("console would listen on port 8091, which intake-2 uses")
                .contains("MASH_CONSOLE_PORT");
        // a service's replicas reaching the local broker's controller port (9093)
        Settings audit = Settings.of(Map.of("MASH_AUDIT_PORT", "9073"));
        assertThat(Replica.refusal(3, ServiceCatalog.SERVICES, audit))
                .startsWith("audit-3 would listen on port 9093, which Kafka's controller (MASH_KAFKA_PORT + 1) uses");
        // with an external broker that port is free
        Settings external = Settings.of(Map.of("MASH_AUDIT_PORT", "9073", "MASH_KAFKA_BOOTSTRAP", "kafka.example:9092"));
        assertThat(Replica.refusal(3, ServiceCatalog.SERVICES, external)).isNull();
    }

    @Test
    void aReplicaPastThePortRangeIsRefused() {
        Settings high = Settings.of(Map.of("MASH_INTAKE_PORT", "65530"));
        assertThat(Replica.refusal(1, ServiceCatalog.SERVICES, high)).isNull();
        assertThat(Replica.refusal(2, ServiceCatalog.SERVICES, high))
                .isEqualTo("intake-2 would listen on port 65540 (MASH_INTAKE_PORT + 10), past 65535: fewer replicas or a lower MASH_INTAKE_PORT");
    }
}
