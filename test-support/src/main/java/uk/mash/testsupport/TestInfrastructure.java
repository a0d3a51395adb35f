package uk.mash.testsupport;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Access to the running test broker and database from test code.
 *
 * <p>What tests read (addresses, credentials) travels through system properties, and pause and
 * resume through JMX: every class loader of the test JVM sees both, and a Quarkus test profile
 * change brings a new class loader.
 */
public final class TestInfrastructure {

    private static final String PREFIX = "mash.test.";
    private static final String BOOTSTRAP = PREFIX + "kafka.bootstrap";
    private static final String DB_URL = PREFIX + "db.url";
    private static final String DB_USER = PREFIX + "db.user";
    private static final String DB_PASSWORD = PREFIX + "db.password";
    private static final String PUBLIC_KEY = PREFIX + "jwt.public-key";

    record Running(String bootstrapServers, TestDatabase database, Path publicKey) {
    }

    private TestInfrastructure() {
    }

    public static String kafkaBootstrapServers() {
        return required(BOOTSTRAP);
    }

    public static TestDatabase database() {
        return new TestDatabase(required(DB_URL), required(DB_USER), System.getProperty(DB_PASSWORD, ""));
    }

    /** Stops the broker (data and port kept): the service under test sees Kafka go away. */
    public static void pauseBroker() {
        BrokerControl.invoke("pause");
    }

    /** Brings the paused broker back. */
    public static void resumeBroker() {
        BrokerControl.invoke("resume");
    }

    /** SIGKILLs the test PostgreSQL (every process of it): the service under test loses its database. */
    public static void killDatabase() {
        DatabaseControl.invoke("kill");
    }

    /** Starts the killed PostgreSQL again on the same port and data; it recovers as after a crash. */
    public static void startDatabase() {
        DatabaseControl.invoke("start");
    }

    static synchronized Running startOnce() {
        TestLane.refuseInFastLane("the test Kafka broker and PostgreSQL");
        Properties props = System.getProperties();
        if (props.getProperty(BOOTSTRAP) == null) {
            try {
                start(props);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test Kafka broker and PostgreSQL", e);
            }
        }
        return new Running(kafkaBootstrapServers(), database(), Path.of(required(PUBLIC_KEY)));
    }

    private static void start(Properties props) throws Exception {
        boolean containers = "containers".equals(System.getProperty("mash.test.infra"));
        String externalDb = System.getenv("MASH_TEST_DB_URL");
        String externalKafka = System.getProperty(ExternalBroker.PROPERTY);
        TestBroker started = externalKafka != null && !externalKafka.isBlank() ? new ExternalBroker(externalKafka)
                : containers ? new ContainerBroker() : new EmbeddedBroker();
        TestPostgres postgres = containers ? TestPostgres.container()
                : externalDb != null && !externalDb.isBlank() ? TestPostgres.external(externalDb)
                : TestPostgres.embedded();
        Path publicKey = TestTokens.writeKeyPair(MashTestInfrastructure.tempDir("mash-test-keys"));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(started);
            closeQuietly(postgres);
        }, "mash-test-infrastructure-stop"));

        props.setProperty(DB_URL, postgres.database().jdbcUrl());
        props.setProperty(DB_USER, postgres.database().user());
        props.setProperty(DB_PASSWORD, postgres.database().password());
        props.setProperty(PUBLIC_KEY, publicKey.toString());
        BrokerControl.register(started);
        DatabaseControl.register(postgres);
        props.setProperty(BOOTSTRAP, started.bootstrapServers());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the JVM is ending; nothing more to do
        }
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            // a @QuarkusTest in the fast lane runs as a plain test (no Quarkus, no test resource) and lands here
            TestLane.refuseInFastLane("the test broker or database (" + key + ")");
            throw new IllegalStateException(key + " is not set: annotate the test with "
                    + "@QuarkusTestResource(MashTestInfrastructure.class)");
        }
        return value;
    }
}
