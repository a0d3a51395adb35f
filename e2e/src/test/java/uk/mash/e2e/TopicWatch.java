package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every topic of the product from its beginning, as an outside system would (no consumer
 * group, nothing committed), through broker kills and outages, and keeps each event once by its
 * {@code ce_id} (delivery is at least once: a copy with the same {@code ce_id} is the same event)
 * with the few fields the fault test checks. Dead letters are kept apart, as they come.
 */
final class TopicWatch implements AutoCloseable {

    /** What audit consumes, and so what must be in its log. */
    static final List<String> AUDITED = List.of("mash.reports", "mash.case-events", "mash.queue.children",
            "mash.queue.adults", "mash.queue.police", "mash.routing-events", "mash.access-events");
    static final String DEAD_LETTER = "mash.dead-letter";

    /**
     * One event: where it was read and what the test needs of it. {@code order} counts the events
     * as first read: a case's events share a partition (key caseId), so among them it is the
     * order of the topic. {@code time} is its {@code ce_time} (when it happened, as its producer
     * says), {@code seenAt} when this watch first read it (within a poll of its publication).
     */
    record Event(long order, String id, String topic, String type, String caseId, String reportId, String decisionId,
                 String referralId, List<String> routes, String rag, List<String> subjectRoles,
                 List<String> subjectFamilyNames, Instant time, Instant seenAt) {
    }

    /** A record on mash.dead-letter: its headers, which name the original topic and the reason. */
    record DeadLetter(String originalTopic, String type, String eventId, String reason) {
        @Override
        public String toString() {
            String why = reason == null ? "-" : reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
            return type + " " + eventId + " from " + originalTopic + ": " + why;
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Event> events = new ConcurrentHashMap<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicLong records = new AtomicLong();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    TopicWatch(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(AUDITED);
        topics.add(DEAD_LETTER);
        for (String topic : topics) {
            // asking for a topic's partitions makes it (auto.create.topics.enable), as the first
            // producer would: the same partition count either way
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(60));
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::loop, "fault-test-topic-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called once for each new event (by {@code ce_id}), on the watching thread. */
    void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    private void loop() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.incrementAndGet();
                    take(r);
                }
            } catch (org.apache.kafka.common.errors.WakeupException stopping) {
                return;
            } catch (Throwable t) {
                if (running) {
                    failure = t;
                }
                return;
            }
        }
    }

    private void take(ConsumerRecord<String, String> r) throws Exception {
        if (r.topic().equals(DEAD_LETTER)) {
            deadLetters.add(new DeadLetter(firstOf(header(r, "dead-letter-topic"), header(r, "original-topic")),
                    header(r, "ce_type"), header(r, "ce_id"), header(r, "dead-letter-reason")));
            return;
        }
        String id = header(r, "ce_id");
        if (id == null) {
            // every good record has one; such a record shows up as missing from what is expected
            id = r.topic() + "/" + r.partition() + "/" + r.offset();
        }
        if (events.containsKey(id)) {
            return;
        }
        JsonNode data = r.value() == null ? null : Api.JSON.readTree(r.value());
        List<String> routes = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<String> families = new ArrayList<>();
        if (data != null) {
            data.path("routes").forEach(n -> routes.add(n.asText()));
            data.path("subjects").forEach(n -> {
                roles.add(n.path("role").asText());
                families.add(n.path("familyName").asText());
            });
        }
        Event e = new Event(records.get(), id, r.topic(), header(r, "ce_type"), text(data, "caseId"), text(data, "reportId"),
                text(data, "decisionId"), text(data, "referralId"), List.copyOf(routes), text(data, "rag"),
                List.copyOf(roles), List.copyOf(families), instant(header(r, "ce_time")), Instant.now());
        if (events.putIfAbsent(id, e) == null) {
            for (Consumer<Event> l : listeners) {
                l.accept(e);
            }
        }
    }

    Collection<Event> events() {
        return events.values();
    }

    boolean seen(String id) {
        return events.containsKey(id);
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Records read, copies included. */
    long records() {
        return records.get();
    }

    void check() {
        if (failure != null) {
            throw new IllegalStateException("the topic watch stopped", failure);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException notATime) {
            return null;
        }
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode data, String field) {
        if (data == null) {
            return null;
        }
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
        consumer.close(Duration.ofSeconds(2));
    }
}
