package uk.mash.testsupport;

/**
 * A broker the test started and controls itself, e.g. as its own OS process that it SIGKILLs
 * ({@code -Dmash.test.kafka.external=host:port}, set before the infrastructure starts): only the
 * database is started here. Pausing it through {@link TestInfrastructure} is not offered.
 */
final class ExternalBroker implements TestBroker {

    static final String PROPERTY = "mash.test.kafka.external";

    private final String bootstrapServers;

    ExternalBroker(String bootstrapServers) {
        TestLane.refuseInFastLane("the Kafka broker at " + PROPERTY);
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void pause() {
        throw new UnsupportedOperationException("The broker at " + bootstrapServers + " is the test's own to stop");
    }

    @Override
    public void resume() {
        throw new UnsupportedOperationException("The broker at " + bootstrapServers + " is the test's own to start");
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
