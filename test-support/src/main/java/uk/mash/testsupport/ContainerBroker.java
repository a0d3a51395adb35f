package uk.mash.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/** The same broker in Docker, for machines that have it ({@code -Dmash.test.infra=containers}). */
final class ContainerBroker implements TestBroker {

    private final KafkaContainer container;

    ContainerBroker() {
        TestLane.refuseInFastLane("a Kafka container");
        container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void pause() {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void resume() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        container.stop();
    }
}
