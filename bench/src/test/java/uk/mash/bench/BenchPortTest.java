package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.mash.platform.Replica;
import uk.mash.platform.Service;
import uk.mash.platform.ServiceCatalog;

/** The bench's own audit-service must not take the port of a stack the bench measures, replicas included. */
class BenchPortTest {

    @Test
    void theBenchsAuditServiceIsOnNoPortOfAnyReplicaOfAnyService() {
        List<Integer> taken = new ArrayList<>();
        for (Service service : ServiceCatalog.SERVICES) {
            for (Replica replica : Replica.all(service)) {
                taken.add(replica.port(service.defaultPort()));
            }
        }
        taken.add(ServiceCatalog.DEFAULT_PG_PORT);
        taken.add(ServiceCatalog.DEFAULT_KAFKA_PORT);
        taken.add(ServiceCatalog.DEFAULT_KAFKA_PORT + 1);
        assertThat(taken).as("audit-2 of --replicas 2 listens on 8094").contains(8094)
                .doesNotContain(ServiceCatalog.DEFAULT_AUDIT_BENCH_PORT);
    }
}
