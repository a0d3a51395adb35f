package uk.mash.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;

/**
 * Reads mash.case-events, mash.reports and the three queue topics from their end (no consumer group,
 * nothing committed) and notes, for every report, the nanoTime at which a case was first seen opened
 * for it or linking it (screening publishes an event only after it is stored, so by then the case is
 * in screening), and for every case the nanoTime its first referral was seen on a queue topic; and
 * the times each record carries, for the hops of accepted → case and decision → queue.
 */
final class BenchCaseWatcher implements AutoCloseable {

    static final String TOPIC = Topics.CASE_EVENTS;
    static final String REPORTS = Topics.REPORTS;
    static final String OPENED = EventTypes.CASE_OPENED;
    static final String LINKED = EventTypes.REPORT_LINKED;
    static final String ROUTED = EventTypes.REFERRAL_ROUTED;
    static final String DECIDED = EventTypes.DECISION_RECORDED;
    static final List<String> QUEUES = List.of(Topics.QUEUE_CHILDREN, Topics.QUEUE_ADULTS, Topics.QUEUE_POLICE);

    /** reportId → nanoTime its case event was read. */
    final Map<String, Long> caseSeenAt = new ConcurrentHashMap<>();
    /** reportId → the caseId its case event named. */
    final Map<String, String> caseOf = new ConcurrentHashMap<>();
    /** caseId → nanoTime its first referral was read from a queue topic. */
    final Map<String, Long> referralSeenAt = new ConcurrentHashMap<>();
    /**
     * caseId → when screening recorded its (first) decision: the decision event's ce_time, on this
     * machine's clock, turned into this JVM's nanoTime. The decision is stored before screening
     * answers the POST (which also waits for its case view), so this, not the answer's arrival, is
     * when the decision was recorded.
     */
    final Map<String, Long> decisionRecordedAt = new ConcurrentHashMap<>();
    /** caseId → the times of its (first) decision's record on mash.case-events, for the hops. */
    final Map<String, RecordStamps> decisionStamps = new ConcurrentHashMap<>();
    /** caseId → the times of its first referral's record on a queue topic, for the hops. */
    final Map<String, RecordStamps> referralStamps = new ConcurrentHashMap<>();
    /** reportId → the times of its record on mash.reports (its ce_id), for accepted → case's hops. */
    final Map<String, RecordStamps> reportStamps = new ConcurrentHashMap<>();
    /** reportId → the times of the case event that opened its case or linked it, for accepted → case's hops. */
    final Map<String, RecordStamps> caseEventStamps = new ConcurrentHashMap<>();
    private final long nanoTimeAtEpoch = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    BenchCaseWatcher(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the broker answers a fetch as soon as one record arrives (fetch.min.bytes 1), so a record is
        // seen at once whatever the wait; a short wait (it was 10 ms) only added a hundred empty fetches
        // a second to the machine being measured
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : java.util.stream.Stream.concat(java.util.stream.Stream.of(TOPIC, REPORTS), QUEUES.stream()).toList()) {
            partitions.addAll(consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).collect(Collectors.toList()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before any report is sent
        thread = new Thread(this::loop, "bench-case-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    java.time.Instant seen = java.time.Instant.now();
                    Header type = r.headers().lastHeader("ce_type");
                    if (type == null || r.value() == null) {
                        continue;
                    }
                    if (REPORTS.equals(r.topic())) { // only its times: the report's id is its ce_id, no body read
                        Header id = r.headers().lastHeader("ce_id");
                        if (id != null) {
                            reportStamps.putIfAbsent(new String(id.value(), StandardCharsets.UTF_8), RecordStamps.of(r, seen));
                        }
                        continue;
                    }
                    String t = new String(type.value(), StandardCharsets.UTF_8);
                    if (!ROUTED.equals(t) && !DECIDED.equals(t) && !OPENED.equals(t) && !LINKED.equals(t)) {
                        continue;
                    }
                    JsonNode data = ServiceJson.MAPPER.readTree(r.value());
                    String caseId = data.path("caseId").asText(null);
                    if (ROUTED.equals(t)) {
                        if (caseId != null) {
                            referralSeenAt.putIfAbsent(caseId, now);
                            referralStamps.putIfAbsent(caseId, RecordStamps.of(r, seen));
                        }
                    } else if (DECIDED.equals(t)) {
                        Header time = r.headers().lastHeader("ce_time");
                        if (time != null && caseId != null) {
                            java.time.Instant at = java.time.Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
                            decisionRecordedAt.putIfAbsent(caseId,
                                    nanoTimeAtEpoch + at.getEpochSecond() * 1_000_000_000L + at.getNano());
                            decisionStamps.putIfAbsent(caseId, RecordStamps.of(r, seen));
                        }
                    } else {
                        String reportId = data.path("reportId").asText(null);
                        if (reportId != null) {
                            caseSeenAt.putIfAbsent(reportId, now);
                            caseEventStamps.putIfAbsent(reportId, RecordStamps.of(r, seen));
                            if (caseId != null) {
                                caseOf.putIfAbsent(reportId, caseId);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (running) {
                failure = e;
            }
        }
    }

    /** Of these reports, how many have a case, and the latest time one was seen (0 if none). */
    long[] countAndLatest(Iterable<String> reportIds) {
        long count = 0;
        long latest = 0;
        for (String id : reportIds) {
            Long at = caseSeenAt.get(id);
            if (at != null) {
                count++;
                latest = Math.max(latest, at);
            }
        }
        return new long[] {count, latest};
    }

    /** The cases these reports opened or joined, in the reports' order, at most {@code limit}. */
    List<String> casesOf(Iterable<String> reportIds, int limit) {
        List<String> cases = new java.util.ArrayList<>();
        for (String id : reportIds) {
            String caseId = caseOf.get(id);
            if (caseId != null && cases.size() < limit) {
                cases.add(caseId);
            }
        }
        return cases;
    }

    void check() throws Exception {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
        consumer.close();
    }
}
