package uk.mash.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code mash.dead-letter} on a broker: read whole, as a person would look at it (no consumer
 * group, nothing committed, nothing created), and its records sent back where they came from.
 */
final class DeadLetterTopic implements AutoCloseable {

    /** The broker did not answer: the stack is down, or the address is wrong. */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String bootstrap, Duration timeout, Exception cause) {
            super("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds() + " s (" + cause.getMessage()
                    + "); is the stack up? (./mash up, ./mash status)", cause);
        }
    }

    /** What became of one record sent back: where it went, or why it did not. */
    record Replayed(DeadLetter letter, RecordMetadata sentTo, Exception failure) {
    }

    private final String bootstrap;
    private final Duration timeout;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    private DeadLetterTopic(String bootstrap, Duration timeout, KafkaConsumer<byte[], byte[]> consumer,
                            List<TopicPartition> partitions) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
        this.consumer = consumer;
        this.partitions = partitions;
    }

    static DeadLetterTopic connect(String bootstrap, Duration timeout) throws Unreachable {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // looking must not make the topic (the broker auto-creates topics a client asks about)
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            // e.g. a host name that does not resolve
            throw new Unreachable(bootstrap, timeout, e.getCause() instanceof Exception c ? c : e);
        }
        try {
            // empty when the topic does not exist yet: nothing was ever dead-lettered
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(DeadLetter.TOPIC, timeout)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            return new DeadLetterTopic(bootstrap, timeout, consumer, partitions);
        } catch (TimeoutException e) {
            consumer.close(Duration.ZERO);
            throw new Unreachable(bootstrap, timeout, e);
        }
    }

    /** Every record on the topic now, oldest first. */
    List<DeadLetter> all() {
        List<DeadLetter> letters = new ArrayList<>();
        if (partitions.isEmpty()) {
            return letters;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long quietSince = System.nanoTime();
        while (!readTo(end)) {
            List<DeadLetter> read = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    read.add(DeadLetter.of(r));
                }
            }
            if (!read.isEmpty()) {
                letters.addAll(read);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > timeout.toNanos()) {
                throw new TimeoutException("reading " + DeadLetter.TOPIC + " at " + bootstrap + " stalled for "
                        + timeout.toSeconds() + " s");
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(d -> d.id().partition()).thenComparingLong(d -> d.id().offset()));
        return letters;
    }

    private boolean readTo(Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp, timeout) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    /** Sends each letter's original record back to its topic and waits for the broker's acknowledgement (acks=all). */
    List<Replayed> replay(List<DeadLetter> letters) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        List<Replayed> replayed = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetter letter : letters) {
                sent.add(producer.send(letter.original()));
            }
            for (int i = 0; i < letters.size(); i++) {
                try {
                    replayed.add(new Replayed(letters.get(i), sent.get(i).get(), null));
                } catch (ExecutionException e) {
                    replayed.add(new Replayed(letters.get(i), null,
                            e.getCause() instanceof Exception c ? c : e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    replayed.add(new Replayed(letters.get(i), null, e));
                }
            }
        }
        return replayed;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
