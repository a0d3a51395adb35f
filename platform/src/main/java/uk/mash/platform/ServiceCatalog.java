package uk.mash.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product's services, their ports and the names the command line and the tests agree on,
 * defined here once: {@code ./mash}, e2e's stack and the bench all read them from this class.
 */
public final class ServiceCatalog {

    /** The issuer of every token the services accept ({@code mp.jwt.verify.issuer}). */
    public static final String JWT_ISSUER = "mash-hub";

    // Each service's heap (the last argument) is two to four times what it keeps live under the
    // bench's load (after a full collection), so that it stays within 256 MB resident: what is outside
    // the heap (the AOT cache of 15,000-17,000 classes, about 90 MB resident, code, thread stacks) is
    // 140-180 MB.

    /** Intake keeps about 25 MB live; at 128 MB it peaked at 249 MB resident once. */
    public static final Service INTAKE = new Service("intake", 8081, "intake-service", 96);
    /**
     * Screening keeps 30-40 MB live and has the most outside its heap (16,600 classes): at 128 MB it
     * peaked at 297-299 MB resident, at 80 MB at 253 MB, with no more CPU a report (README, "How
     * fast it is").
     */
    public static final Service SCREENING = new Service("screening", 8082, "screening-service", 80);
    public static final Service ROUTING = new Service("routing", 8083, "routing-service", 128);
    /** 128 MB: a half-year's report card holds some 40 MB while it is read. */
    public static final Service AUDIT = new Service("audit", 8084, "audit-service", 128);
    /** The web pages for people (CONTRACT.md "The console"): no database, no broker, it calls the four above. */
    public static final Service CONSOLE = new Service("console", 8080, "console", 128);

    /** In the order they start; they stop in the reverse order. The console last: it calls the others. */
    public static final List<Service> SERVICES = List.of(INTAKE, SCREENING, ROUTING, AUDIT, CONSOLE);

    public static final String PG_PORT_VARIABLE = "MASH_PG_PORT";
    public static final int DEFAULT_PG_PORT = 5432;
    /** The local broker's port; its KRaft controller listens on the next one. */
    public static final String KAFKA_PORT_VARIABLE = "MASH_KAFKA_PORT";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    /**
     * The bench's second audit-service, on its generated log: below the console's 8080, so that no
     * replica of any service (its port + 10·k, {@link Replica}) lands on it, as 8094 did on audit-2.
     */
    public static final String AUDIT_BENCH_PORT_VARIABLE = "MASH_AUDIT_BENCH_PORT";
    public static final int DEFAULT_AUDIT_BENCH_PORT = 8079;

    private ServiceCatalog() {
    }

    /** Whether a service keeps data of its own (a database and role of its own; the console keeps none). */
    public static boolean hasDatabase(Service service) {
        return !service.equals(CONSOLE);
    }

    public static Optional<Service> named(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The names, for messages: "intake, screening, routing, audit, console". */
    public static String names() {
        return String.join(", ", SERVICES.stream().map(Service::name).toList());
    }

    /**
     * A port from the environment variable {@code variable}, else {@code fallback}.
     *
     * @throws IllegalArgumentException when the variable holds anything but a port number (1-65535)
     */
    public static int port(String variable, int fallback, Map<String, String> env) {
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(variable + " must be a port number (1-65535), not '" + value + "'");
    }
}
