package uk.mash.testsupport;

/** A real Kafka broker for tests: in the test JVM (KafkaClusterTestKit) or in a container. */
public interface TestBroker extends AutoCloseable {

    String bootstrapServers();

    /** Stops the broker, keeping its data and its port, to show what a service does while Kafka is away. */
    void pause() throws Exception;

    /** Starts the broker again on the same port with the same data. */
    void resume() throws Exception;
}
