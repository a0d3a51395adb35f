package uk.mash.bench;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.mash.contracts.Topics;

/**
 * The raw Kafka baseline: one plain producer, acks=all and idempotent like intake's outbox relay,
 * sending the same report bodies to a scratch topic (as many partitions as mash.reports) as fast as
 * it can for a while. Result: records acknowledged per second, first send to last acknowledgement.
 */
final class BenchKafkaBaseline {

    static final String TOPIC = "mash.bench.baseline";

    private BenchKafkaBaseline() {
    }

    static double run(String bootstrap, BenchReports reports, int seconds) throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(common)) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!topics.contains(TOPIC)) {
                int partitions = admin.describeTopics(List.of(Topics.REPORTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(Topics.REPORTS).partitions().size();
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Properties p = new Properties();
        p.putAll(common);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[][] bodies = new byte[1000][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = reports.body(i);
        }
        AtomicLong acked = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        long start;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.partitionsFor(TOPIC); // metadata before the clock starts
            start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (long i = 0; System.nanoTime() < end; i++) {
                byte[] body = bodies[(int) (i % bodies.length)];
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(i).getBytes(), body), (meta, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                });
            }
            producer.flush();
        }
        double elapsed = (lastAck.get() - start) / 1e9;
        return elapsed > 0 ? acked.get() / elapsed : 0;
    }
}
