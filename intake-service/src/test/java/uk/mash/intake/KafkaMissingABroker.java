package uk.mash.intake;

import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A second Kafka cluster in the test JVM, of two brokers with broker 1 away, for what the one-broker
 * test Kafka cannot show: a topic kept on both brokers that wants both in sync ({@code min.insync.replicas=2})
 * cannot be written with acks=all, and the producer retries it until its delivery timeout, while a topic
 * kept on broker 0 alone is written as usual. (With one broker Kafka caps the in-sync minimum at the
 * replication factor, so there every topic is writable.)
 *
 * <p>Started once per test JVM, from a test profile (which may be loaded in another class loader than the
 * test): its address travels in a system property, and a test reaches it only through Kafka's own Admin
 * API. Closed when the JVM ends.
 */
final class KafkaMissingABroker {

    private static final String BOOTSTRAP = "mash.test.kafka-missing-a-broker.bootstrap";

    private KafkaMissingABroker() {
    }

    /** Starts the cluster (once), makes the two topics while both brokers are up, stops broker 1; its address. */
    static synchronized String start(String onBrokerZero, String needingBothBrokers) throws Exception {
        String running = System.getProperty(BOOTSTRAP);
        if (running != null) {
            return running;
        }
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(2)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")   // an entry another test left finds its topic
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is ending
            }
        }, "kafka-missing-a-broker-stop"));
        try (Admin admin = admin(cluster.bootstrapServers())) {
            admin.createTopics(List.of(
                    new NewTopic(onBrokerZero, Map.of(0, List.of(0))),
                    new NewTopic(needingBothBrokers, Map.of(0, List.of(0, 1)))
                            .configs(Map.of("min.insync.replicas", "2")))).all().get();
        }
        BrokerServer brokerOne = cluster.brokers().get(1);
        brokerOne.shutdown();
        brokerOne.awaitShutdown();
        System.setProperty(BOOTSTRAP, cluster.bootstrapServers());
        return cluster.bootstrapServers();
    }

    static String bootstrapServers() {
        return System.getProperty(BOOTSTRAP);
    }

    /** Lets the topic be written with broker 0 alone in sync, as an operator would while broker 1 is mended. */
    static void acceptOneInSync(String topic) throws Exception {
        try (Admin admin = admin(bootstrapServers())) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("min.insync.replicas", "1"),
                            AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    /** How many records the topic's log holds (its partition's end offset): none until it took one. */
    static long recordsIn(String topic) throws Exception {
        try (Admin admin = admin(bootstrapServers())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
