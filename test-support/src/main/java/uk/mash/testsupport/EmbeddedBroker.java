package uk.mash.testsupport;

import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft Kafka 4.1 broker inside the test JVM, ready in about two seconds.
 * The test kit keeps each listener's port, so a paused broker comes back where clients expect it.
 */
final class EmbeddedBroker implements TestBroker {

    private final KafkaClusterTestKit cluster;

    EmbeddedBroker() throws Exception {
        TestLane.refuseInFastLane("an embedded Kafka broker");
        // At JVM exit Kafka's own hook deletes the broker's temporary log directories, possibly
        // while the broker is still stopping; the broker then sees its log dirs fail and halts the
        // JVM with status 1, which fails a test run whose tests all passed. A test broker must
        // never end the JVM: halting and exiting become no-ops.
        Exit.setHaltProcedure((status, message) -> { });
        Exit.setExitProcedure((status, message) -> { });
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void pause() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Override
    public void resume() throws Exception {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
