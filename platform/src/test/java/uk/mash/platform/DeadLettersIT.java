package uk.mash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.MashTestInfrastructure;
import uk.mash.testsupport.TestInfrastructure;

/**
 * {@code ./mash dead-letters} against a real broker: records put on mash.dead-letter as SmallRye's
 * dead-letter-queue strategy writes them (the record as received, then dead-letter-* headers),
 * listed without their personal data and sent back where they came from.
 */
class DeadLettersIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static String bootstrap;
    static KafkaProducer<String, String> producer;

    /** A record as a consumer received it, and where it now sits on mash.dead-letter. */
    record Poison(String id, String topic, String key, String value, Map<String, String> headers) {
    }

    @BeforeAll
    static void broker() {
        new MashTestInfrastructure().start();
        bootstrap = TestInfrastructure.kafkaBootstrapServers();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close();
        }
    }

    /** What SmallRye writes: the received key, value and headers, its own headers first (KafkaDeadLetterQueue). */
    static Poison deadLetter(String topic, int partition, long offset, String ceType, String reason, String value,
                             Instant at) throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, String> original = new LinkedHashMap<>();
        original.put("ce_specversion", "1.0");
        original.put("ce_id", UUID.randomUUID().toString());
        original.put("ce_type", ceType);
        original.put("ce_source", "urn:mash:screening-service");
        original.put("ce_subject", key);
        original.put("ce_time", "2026-11-23T09:58:00Z");
        original.put("content-type", "application/json");
        ProducerRecord<String, String> record = new ProducerRecord<>(DeadLetter.TOPIC, null, at.toEpochMilli(), key, value);
        header(record, "dead-letter-exception-class-name", "uk.mash.routing.messaging.PoisonRecord");
        header(record, "dead-letter-reason", reason);
        header(record, "dead-letter-cause-class-name", "com.fasterxml.jackson.core.JsonParseException");
        // a library's message may quote the value: never shown
        header(record, "dead-letter-cause", "Unexpected character near 'Bethan Pritchard'");
        header(record, "dead-letter-topic", topic);
        header(record, "dead-letter-partition", Integer.toString(partition));
        header(record, "dead-letter-offset", Long.toString(offset));
        original.forEach((name, v) -> header(record, name, v));
        RecordMetadata where = producer.send(record).get();
        return new Poison(where.partition() + ":" + where.offset(), topic, key, value, original);
    }

    static Poison decisionWithoutRoutes() throws Exception {
        return decisionWithoutRoutes(Instant.now());
    }

    /** Routing's poison, read from mash.case-events partition 2 offset 41; its value names a child. */
    static Poison decisionWithoutRoutes(Instant at) throws Exception {
        return deadLetter("mash.case-events", 2, 41, "mash.case.decision-recorded.v1",
                "The decision has no 'routes': it cannot be routed",
                "{\"subjects\":[{\"givenName\":\"Bethan\",\"familyName\":\"Pritchard\",\"dateOfBirth\":\"2015-04-02\"}]}",
                at);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** It is on its topic again as it first was: same key, value and headers (so ce_id), no dead-letter-*. */
    static void assertReplayed(Poison poison) {
        List<Received> back = onTopic(poison.topic(), poison.key());
        assertThat(back).hasSize(1);
        assertThat(back.get(0).value()).isEqualTo(poison.value());
        assertThat(back.get(0).headers()).containsExactlyEntriesOf(poison.headers());
        assertThat(back.get(0).headers().get("ce_id")).isEqualTo(poison.headers().get("ce_id"));
        assertThat(back.get(0).headers().keySet()).noneMatch(name -> name.startsWith("dead-letter-"));
    }

    /** A record read back from a topic, its headers as text in their order. */
    record Received(String value, Map<String, String> headers) {
    }

    /**
     * The records with that key on the topic now, read to its end: a replay has been acknowledged
     * by the broker (acks=all) before the command returns, so what is not there was not sent.
     */
    static List<Received> onTopic(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<Received> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            Instant deadline = Instant.now().plus(WAIT);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(Instant.now()).as("read " + topic + " to its end").isBefore(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                        }
                        found.add(new Received(r.value(), headers));
                    }
                }
            }
        }
        return found;
    }

    static Run deadLetters(String... more) {
        String[] argv = new String[3 + more.length];
        argv[0] = "dead-letters";
        argv[1] = "--kafka";
        argv[2] = bootstrap;
        System.arraycopy(more, 0, argv, 3, more.length);
        return Run.of(argv);
    }

    @Test
    void listsWhereEachCameFromItsTypeAndWhyButNeverItsPersonalData() throws Exception {
        Poison poison = decisionWithoutRoutes(Instant.parse("2026-11-23T10:15:02.123Z"));
        Poison later = decisionWithoutRoutes();

        Run run = deadLetters();

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        String line = lines.stream().filter(l -> l.startsWith(poison.id() + " ")).findFirst().orElseThrow();
        assertThat(lines.indexOf(line)).as("oldest first")
                .isLessThan(lines.indexOf(lines.stream().filter(l -> l.startsWith(later.id() + " ")).findFirst().orElseThrow()));
        assertThat(line).containsSubsequence(poison.id(), "2026-11-23T10:15:02.123Z", "mash.case-events", "2", "41",
                "mash.case.decision-recorded.v1", "The decision has no 'routes': it cannot be routed");
        assertThat(run.out()).contains("ID", "DEAD-LETTERED AT", "TOPIC", "PARTITION", "OFFSET", "CE_TYPE", "REASON")
                .doesNotContain("Bethan", "Pritchard", "2015-04-02", poison.key());
    }

    @Test
    void replaysOneRecordToItsTopicAsItWasAndLeavesTheOthers() throws Exception {
        Poison replayed = decisionWithoutRoutes();
        Poison left = decisionWithoutRoutes();

        Run run = deadLetters("replay", replayed.id());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed " + replayed.id() + " to mash.case-events",
                replayed.headers().get("ce_id"), "1 of 1 replayed").doesNotContain("Bethan");
        assertReplayed(replayed);
        assertThat(onTopic("mash.case-events", left.key())).isEmpty();
    }

    @Test
    void replaysEveryRecordToItsOwnTopicWithAll() throws Exception {
        Poison decision = decisionWithoutRoutes();
        Poison report = deadLetter("mash.reports", 0, 7, "mash.report.received.v1", "no ce_type header",
                "{\"subjects\":[{\"givenName\":\"Osian\",\"familyName\":\"Parry\"}]}", Instant.now());

        Run run = deadLetters("replay", "--all");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed " + decision.id() + " to mash.case-events",
                "replayed " + report.id() + " to mash.reports").doesNotContain("Osian", "Bethan");
        assertReplayed(decision);
        assertReplayed(report);
    }

    @Test
    void aReplayIsSafeToRepeatBecauseItKeepsTheCeId() throws Exception {
        Poison poison = decisionWithoutRoutes();

        assertThat(deadLetters("replay", poison.id()).exit()).isZero();
        assertThat(deadLetters("replay", poison.id()).exit()).isZero();

        assertThat(onTopic("mash.case-events", poison.key())).hasSize(2).allSatisfy(
                r -> assertThat(r.headers().get("ce_id")).isEqualTo(poison.headers().get("ce_id")));
    }

    @Test
    void refusesAnIdThatIsNotOnTheTopicAndReplaysNothing() throws Exception {
        Poison poison = decisionWithoutRoutes();

        Run run = deadLetters("replay", poison.id(), "0:999999");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no record 0:999999 on mash.dead-letter", "nothing replayed");
        assertThat(run.out()).doesNotContain("replayed");
        assertThat(onTopic("mash.case-events", poison.key())).isEmpty();
    }
}
