package uk.mash.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The sum of the end offsets of every mash.* topic but the bench's own baseline topic: its difference
 * over a window is how many records the stack wrote to Kafka in it (the services write no
 * transactions, so no offset goes to a transaction marker).
 */
final class TopicOffsets {

    static final String PREFIX = "mash.";

    private TopicOffsets() {
    }

    static long endOffsetsSum(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(PREFIX) && !t.equals(BenchKafkaBaseline.TOPIC)).sorted().toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(info -> latest.put(new TopicPartition(d.name(), info.partition()), OffsetSpec.latest()));
            }
            long sum = 0;
            for (var info : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values()) {
                sum += info.offset();
            }
            return sum;
        }
    }
}
