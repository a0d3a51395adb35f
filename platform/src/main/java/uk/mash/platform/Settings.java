package uk.mash.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the environment says about the local stack (README "How to configure it", CONTRACT.md's
 * command line): ports, an external database or broker, which services, timeouts, JVM options,
 * how long agencies have to answer information requests.
 * A bad value is refused when the settings are read, before anything starts.
 */
public record Settings(Map<String, String> env, int pgPort, int kafkaPort, Duration startTimeout,
                       Duration stopTimeout, List<String> serviceJvmOptions, List<Service> services,
                       InformationDue informationDue, ServiceJava serviceJava, boolean aotCache) {

    /** {@code off}: the services start with no AOT cache even on a JDK that has one (to compare, or to rule it out). */
    public static final String AOT_VARIABLE = "MASH_SERVICE_AOT";

    /**
     * Each service's JVM, sized so that a service stays within 256 MB of resident memory under load
     * (./mash bench measures it): each service's own heap ({@link #jvmOptionsOf}: 80 to 128 MB,
     * {@link ServiceCatalog}) is two to four times what it keeps live;
     * the serial collector carries no per-region bookkeeping (G1's costs tens of MB on a small heap)
     * and on two cores pauses no longer; smaller thread stacks and code cache; two malloc arenas
     * (MALLOC_ARENA_MAX, set beside) instead of one per core-ish thread burst; and the C library's
     * freed memory (mostly the JIT compiler's, tens of MB) handed back to the system every 10 s
     * rather than kept. The heap grown only to keep 15 % of it free after a full collection, and
     * given back above 30 % (the defaults are 40 % and 70 %): a heap grown for one large read (a
     * half-year's report card holds some 40 MB while it is read) does not stay at 128 MB; measured
     * on the ten-year log, audit's peak resident memory went from 258-268 MB to 252 MB, the card no
     * slower. Only the quick (C1) compiler: with four services, Kafka and PostgreSQL on
     * two cores, the optimising compiler spent over a quarter of each service's CPU for minutes
     * after every start; measured with ./mash bench (README, "How fast it is"): more reports per
     * second, lower latency, less memory. On a machine with cores to spare, drop
     * -XX:TieredStopAtLevel=1. MASH_SERVICE_JVM_OPTS replaces the whole set (and, with an -Xmx of
     * its own, every service's heap).
     */
    public static final String DEFAULT_SERVICE_JVM_OPTS = "-Xms64m -XX:+UseSerialGC -Xss512k"
            + " -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=64m"
            + " -XX:TrimNativeHeapInterval=10000 -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=30"
            + " -XX:TieredStopAtLevel=1";

    /**
     * The options {@code service}'s JVM starts with: {@link #serviceJvmOptions()} after its own heap
     * ({@code -Xmx}, {@link Service#heapMegabytes()}), unless those options set a heap themselves.
     */
    public List<String> jvmOptionsOf(Service service) {
        if (serviceJvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx"))) {
            return serviceJvmOptions;
        }
        List<String> options = new ArrayList<>(serviceJvmOptions.size() + 1);
        options.add("-Xmx" + service.heapMegabytes() + "m");
        options.addAll(serviceJvmOptions);
        return List.copyOf(options);
    }

    /**
     * Reads them from {@code env}.
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Settings of(Map<String, String> env) {
        int pg = ServiceCatalog.port(ServiceCatalog.PG_PORT_VARIABLE, ServiceCatalog.DEFAULT_PG_PORT, env);
        int kafka = ServiceCatalog.port(ServiceCatalog.KAFKA_PORT_VARIABLE, ServiceCatalog.DEFAULT_KAFKA_PORT, env);
        if (kafka == 65535) {
            throw new IllegalArgumentException("MASH_KAFKA_PORT must leave room for its controller on the next port");
        }
        Duration start = seconds("MASH_START_TIMEOUT", 180, env);
        Duration stop = seconds("MASH_STOP_TIMEOUT", 30, env);
        String opts = env.getOrDefault("MASH_SERVICE_JVM_OPTS", DEFAULT_SERVICE_JVM_OPTS);
        List<String> jvm = opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
        List<Service> services = new ArrayList<>();
        String only = env.get("MASH_SERVICES");
        List<String> wanted = only == null ? null : Arrays.asList(only.trim().split("[,\\s]+"));
        if (wanted != null) {
            for (String name : wanted) {
                if (!name.isEmpty() && !name.equals("none") && ServiceCatalog.named(name).isEmpty()) {
                    throw new IllegalArgumentException("MASH_SERVICES names no service '" + name + "' ("
                            + ServiceCatalog.names() + ", or none)");
                }
            }
        }
        for (Service s : ServiceCatalog.SERVICES) {
            s.port(env); // a bad MASH_<NAME>_PORT is refused even for a service not run
            if (wanted == null || wanted.contains(s.name())) {
                services.add(s);
            }
        }
        kafkaPartitions(env); // a bad MASH_KAFKA_PARTITIONS is refused before anything starts
        InformationDue due = InformationDue.of(env);
        ServiceJava java = ServiceJava.of(env);
        return new Settings(Map.copyOf(env), pg, kafka, start, stop, List.copyOf(jvm), List.copyOf(services), due,
                java, aotCache(env));
    }

    private static Duration seconds(String variable, int fallback, Map<String, String> env) {
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            return Duration.ofSeconds(fallback);
        }
        try {
            int s = Integer.parseInt(value.trim());
            if (s >= 1) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(variable + " must be a number of seconds (1 or more), not '" + value + "'");
    }

    /**
     * MASH_KAFKA_PARTITIONS: the partitions of each topic the local broker makes on first use (12 by
     * default). Events are keyed by case, so each case stays in order on one partition; more
     * partitions than a group has consumers is room to add replicas later, since a topic's partitions
     * can grow but a key's partition then moves.
     */
    public int kafkaPartitions() {
        return kafkaPartitions(env);
    }

    private static int kafkaPartitions(Map<String, String> env) {
        String value = env.get("MASH_KAFKA_PARTITIONS");
        if (value == null || value.isEmpty()) {
            return 12;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("MASH_KAFKA_PARTITIONS must be a number of partitions (1 to 1000), not '"
                + value + "'");
    }

    /** MASH_SERVICE_AOT: {@code on} (the default) or {@code off}. */
    private static boolean aotCache(Map<String, String> env) {
        String value = env.get(AOT_VARIABLE);
        if (value == null || value.isBlank() || value.trim().equals("on")) {
            return true;
        }
        if (value.trim().equals("off")) {
            return false;
        }
        throw new IllegalArgumentException(AOT_VARIABLE + " must be on or off, not '" + value + "'");
    }

    /**
     * Whether the services are packaged for the AOT cache (Quarkus's {@code aot-jar}: every class
     * on the JVM's own class path, where the cache can hold it, instead of Quarkus's class loader,
     * whose classes it cannot): on a JDK that makes caches, with MASH_SERVICE_AOT on.
     */
    public boolean aotPackaging() {
        return aotCache && serviceJava.aotCache();
    }

    public int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    public int port(Service service) {
        return service.port(env);
    }

    /** MASH_DB_URL: a PostgreSQL superuser JDBC URL to use instead of the embedded server; null when unset. */
    public String externalDatabase() {
        String url = env.get("MASH_DB_URL");
        return url == null || url.isEmpty() ? null : url;
    }

    /** MASH_KAFKA_BOOTSTRAP: a Kafka cluster to use instead of the local broker; null when unset. */
    public String externalKafka() {
        String servers = env.get("MASH_KAFKA_BOOTSTRAP");
        return servers == null || servers.isEmpty() ? null : servers;
    }

    public String get(String variable) {
        return env.get(variable);
    }

    /** Whether MASH_SERVICES leaves this service out. */
    public boolean skipped(Service service) {
        return !services.contains(service);
    }
}
