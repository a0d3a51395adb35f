package uk.mash.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process of a service under {@code ./mash up --replicas N} (CONTRACT.md's command line):
 * replica k (counted from 0) listens on the service's port + 10·k and shares the service's
 * database and Kafka consumer group with the others. The first keeps the service's own name, so
 * {@code .mash/run/intake.pid} and {@code .mash/logs/intake.log} mean what they meant before
 * replicas; the second is {@code intake-2} (port 8091), the third {@code intake-3} (8101).
 */
public record Replica(Service service, int index) {

    /** The most replicas {@code --replicas} accepts: ports step by 10, so ten would reach the next service's. */
    public static final int MAX = 9;
    /** How far apart the ports of two replicas of a service are. */
    public static final int PORT_STEP = 10;

    public Replica {
        if (index < 0 || index >= MAX) {
            throw new IllegalArgumentException("replica index " + index + " is not 0 to " + (MAX - 1));
        }
    }

    /** {@code intake} for the first, {@code intake-2}, {@code intake-3}, ... for the others: its pid file and log. */
    public String name() {
        return index == 0 ? service.name() : service.name() + "-" + (index + 1);
    }

    /** Its port, given where the service's first replica listens (MASH_INTAKE_PORT or the default). */
    public int port(int servicePort) {
        return servicePort + PORT_STEP * index;
    }

    /** The first {@code count} replicas of a service, in order. */
    public static List<Replica> of(Service service, int count) {
        List<Replica> replicas = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            replicas.add(new Replica(service, k));
        }
        return replicas;
    }

    /** Every replica a service could have ({@link #MAX}), for down and status to find what runs. */
    public static List<Replica> all(Service service) {
        return of(service, MAX);
    }

    /**
     * Why {@code count} replicas of these services cannot run with these ports, or null when they
     * can: a count outside 1 to {@link #MAX}, a port past 65535, or two processes on one port (a
     * replica on another service's, PostgreSQL's, the broker's or its controller's port, which
     * MASH_*_PORT can bring about).
     */
    public static String refusal(int count, List<Service> services, Settings settings) {
        if (count < 1 || count > MAX) {
            return "--replicas must be 1 to " + MAX + ", not " + count;
        }
        Map<Integer, String> taken = new LinkedHashMap<>();
        if (settings.externalDatabase() == null) {
            taken.put(settings.pgPort(), "PostgreSQL (" + ServiceCatalog.PG_PORT_VARIABLE + ")");
        }
        if (settings.externalKafka() == null) {
            taken.put(settings.kafkaPort(), "Kafka (" + ServiceCatalog.KAFKA_PORT_VARIABLE + ")");
            taken.put(settings.kafkaControllerPort(), "Kafka's controller (" + ServiceCatalog.KAFKA_PORT_VARIABLE + " + 1)");
        }
        for (Service service : services) {
            for (Replica replica : of(service, count)) {
                int port = replica.port(settings.port(service));
                if (port > 65535) {
                    return replica.name() + " would listen on port " + port + " (" + service.portVariable() + " + "
                            + PORT_STEP * replica.index() + "), past 65535: fewer replicas or a lower " + service.portVariable();
                }
                String other = taken.putIfAbsent(port, replica.name());
                if (other != null) {
                    return replica.name() + " would listen on port " + port + ", which " + other
                            + " uses: replica k of a service listens on its port + " + PORT_STEP
                            + "·k, so move one with " + service.portVariable() + " or run fewer replicas";
                }
            }
        }
        return null;
    }
}
