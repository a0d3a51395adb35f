package uk.mash.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a service process is started with: the names Quarkus and our configuration
 * read (README "How to configure it"), set in one place for {@code ./mash up}, e2e and the bench.
 */
public final class ServiceEnvironment {

    public static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String DB_USER = "QUARKUS_DATASOURCE_USERNAME";
    public static final String DB_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";
    public static final String KAFKA = "MASH_KAFKA_BOOTSTRAP";
    public static final String KAFKA_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String PUBLIC_KEY = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";
    public static final String ISSUER = "MP_JWT_VERIFY_ISSUER";
    public static final String TRANSACTION_STORE = "QUARKUS_TRANSACTION_MANAGER_OBJECT_STORE_DIRECTORY";
    /** The transaction manager's name for this process (Narayana's node identifier, at most 28 bytes). */
    public static final String TRANSACTION_NODE = "QUARKUS_TRANSACTION_MANAGER_NODE_NAME";
    /** audit's log is migrated by an owner role; its runtime user may only read and append. */
    public static final String AUDIT_OWNER = "MASH_AUDIT_DB_OWNER";
    public static final String AUDIT_OWNER_PASSWORD = "MASH_AUDIT_DB_OWNER_PASSWORD";
    /** screening: how long an agency has to answer an information request, by the case's RAG ({@link InformationDue}). */
    public static final String INFO_DUE_RED = "MASH_INFO_DUE_RED";
    public static final String INFO_DUE_AMBER = "MASH_INFO_DUE_AMBER";
    public static final String INFO_DUE_GREEN = "MASH_INFO_DUE_GREEN";

    /** The console's: whether it offers the local sign-in page, and the key it signs those sessions with. */
    public static final String CONSOLE_LOCAL_SIGN_IN = "MASH_CONSOLE_LOCAL_SIGN_IN";
    public static final String CONSOLE_SIGNING_KEY = "MASH_CONSOLE_SIGNING_KEY";

    private ServiceEnvironment() {
    }

    /**
     * What the console needs: its port, where the four services answer ({@code MASH_INTAKE_URL}, ...),
     * and, for the local sign-in page, the private key that tokens are signed with.
     */
    public static Map<String, String> console(int port, Map<Service, String> serviceUrls, Path privateKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(HTTP_PORT, Integer.toString(port));
        serviceUrls.forEach((service, url) -> env.put(urlVariable(service), url));
        env.put(CONSOLE_LOCAL_SIGN_IN, "true");
        env.put(CONSOLE_SIGNING_KEY, privateKey.toString());
        return env;
    }

    /** The variable the console reads a service's address from: {@code MASH_SCREENING_URL}. */
    public static String urlVariable(Service service) {
        return "MASH_" + service.name().toUpperCase(java.util.Locale.ROOT) + "_URL";
    }

    /** What every service needs: its port, its own database and user, the broker, the token key. */
    public static Map<String, String> of(int port, String jdbcUrl, String user, String password,
                                         String kafkaBootstrap, Path publicKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(HTTP_PORT, Integer.toString(port));
        env.put(JDBC_URL, jdbcUrl);
        env.put(DB_USER, user);
        env.put(DB_PASSWORD, password);
        env.put(KAFKA, kafkaBootstrap);
        env.put(KAFKA_SERVERS, kafkaBootstrap);
        env.put(PUBLIC_KEY, publicKey.toString());
        env.put(ISSUER, ServiceCatalog.JWT_ISSUER);
        return env;
    }

    /**
     * The transaction manager's log and name, each the process's own: replicas of a service share
     * its database, but a transaction log (Narayana's object store) shared by two live processes
     * would let one's recovery take the other's transactions in flight for unfinished ones of its
     * own, and the node name tells their transactions apart. {@code node} is the replica's name
     * ({@code intake-2}).
     */
    public static Map<String, String> transactions(Path objectStore, String node) {
        if (node.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 28) {
            throw new IllegalArgumentException("a transaction node name has at most 28 bytes: " + node);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put(TRANSACTION_STORE, objectStore.toString());
        env.put(TRANSACTION_NODE, node);
        return env;
    }

    /** What screening reads besides {@link #of}: the information requests' due times, by RAG. */
    public static Map<String, String> screening(InformationDue due) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(INFO_DUE_RED, due.red().toString());
        env.put(INFO_DUE_AMBER, due.amber().toString());
        env.put(INFO_DUE_GREEN, due.green().toString());
        return env;
    }

    /**
     * Whether a variable of the caller's environment is one a service reads and must therefore
     * not inherit by accident (only what {@link #of} and the caller set explicitly counts).
     */
    public static boolean isServiceSetting(String name) {
        return name.startsWith("QUARKUS_") || name.startsWith("MASH_") || name.startsWith("MP_JWT")
                || name.startsWith("KAFKA_");
    }
}
