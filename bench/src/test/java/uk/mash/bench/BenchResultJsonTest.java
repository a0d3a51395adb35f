package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * latest.json keeps the shape its readers know (the README, e2e's smoke run, whoever compares runs):
 * the same field names, nested the same way, as before the result became records.
 */
class BenchResultJsonTest {

    private static JsonNode json(BenchResult result) throws Exception {
        return new ObjectMapper().readTree(BenchJson.write(result));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyLevelHasTheFieldsItHadBefore() throws Exception {
        JsonNode r = json(SampleResult.withReplay());
        assertThat(fields(r)).containsExactly("date", "machine", "settings", "pipeline", "latency", "replay", "integrity",
                "auditLog", "rssMb", "rssHighWaterMarkMb", "startupSeconds", "loadAverageAtEnd", "timeline", "cpu", "floor",
                "acceptedHops", "decisionHops", "history");

        assertThat(fields(r.path("machine"))).containsExactlyInAnyOrder("cores", "memoryMb", "os", "java",
                "loadAverageAtStart", "note");
        assertThat(fields(r.path("settings"))).containsExactlyInAnyOrder("durationSeconds", "rate", "inFlight",
                "latencyRate", "latencyDurationSeconds", "baselineDurationSeconds", "warmupSeconds");
        assertThat(fields(r.path("pipeline"))).containsExactlyInAnyOrder("reportsPerSecond", "baselineRatio",
                "reportsSent", "reportsAccepted", "reportsFailed", "httpStatuses", "casesOpened", "auditEntriesAppended",
                "auditEntriesPerReport", "completedReports", "windowSeconds", "acceptedPerSecond", "casesOpenedPerSecond",
                "auditReportsPerSecond", "drained", "auditPollMaxMs", "auditPolledAs", "auditVerified",
                "casesListTotalDelta", "kafkaBaselinePerSecond", "jdbcBaselinePerSecond");
        assertThat(fields(r.path("latency"))).containsExactlyInAnyOrder("rate", "reportsSent", "reportsAccepted",
                "offeredPerSecond", "acceptedToCaseP50Ms", "acceptedToCaseP99Ms", "acceptedToCaseP999Ms",
                "acceptedToCaseMaxMs", "acceptedToCaseSamples", "acceptedToCaseMissing", "acceptedToCaseMeasuredAs",
                "decisionsSent", "decisionsRecorded", "decisionsFailed", "decisionToQueueP50Ms", "decisionToQueueP99Ms",
                "decisionToQueueP999Ms", "decisionToQueueMaxMs", "decisionToQueueSamples", "decisionToQueueMissing",
                "decisionToQueueTimedFromAnswer", "decisionToQueueMeasuredAs");
        assertThat(fields(r.path("replay"))).containsExactlyInAnyOrder("eventsPerSecond", "rawScanRatio", "logEntries",
                "rebuildSeconds", "reportCases", "rawScanRowsPerSecond", "rawScanRows", "measuredAs");
        assertThat(fields(r.path("integrity"))).containsExactlyInAnyOrder("entriesPerSecond", "logEntries", "seconds",
                "verified", "firstBrokenSequence", "measuredAs", "warmUpEntries", "warmUpSeconds");
        assertThat(fields(r.path("auditLog"))).containsExactlyInAnyOrder("database", "entries", "instanceStartSeconds",
                "reused", "generation", "madeAt", "generationSeconds", "tableMb", "indexesMb", "averageRowBytes");
        assertThat(fields(r.path("auditLog").path("generation"))).containsExactlyInAnyOrder("seconds", "copySeconds",
                "vacuumSeconds", "averageDataChars", "types");
        assertThat(fields(r.path("rssMb"))).containsExactly("intake", "screening", "routing", "audit");
        assertThat(fields(r.path("history"))).containsExactly("database", "entries", "reused", "buildSeconds",
                "generation", "madeAt", "generationSeconds", "firstOccurredAt", "lastOccurredAt", "tableMb", "indexesMb",
                "heap", "reportCard", "periods", "caseHistory", "caseHistoryAverageEntries", "caseAsOf", "export",
                "peakRssMb", "rssHighWaterMarkMb", "targets");
        for (String timed : List.of("reportCard", "caseHistory", "caseAsOf")) {
            assertThat(fields(r.path("history").path(timed))).containsExactly("count", "p50Ms", "p99Ms", "p999Ms", "maxMs");
        }
        assertThat(fields(r.path("history").path("export"))).containsExactly("fromSequence", "toSequence", "entries",
                "bytes", "seconds", "entriesPerSecond");
        assertThat(fields(r.path("history").path("targets"))).containsExactly("reportCardP99Ms", "caseHistoryP99Ms",
                "rssMb");
        assertThat(fields(r.path("timeline"))).containsExactly("unit", "pipeline", "latency");
        for (String phase : List.of("pipeline", "latency")) {
            assertThat(fields(r.path("timeline").path(phase))).containsExactlyInAnyOrder("startSecond", "fromSecond",
                    "reportsAccepted", "casesOpened", "acceptedToCaseP50Ms", "acceptedToCaseP99Ms",
                    "decisionToQueueP50Ms", "decisionToQueueP99Ms");
        }
    }

    @Test
    void issue16sFiguresHaveTheirOwnObjects() throws Exception {
        JsonNode r = json(SampleResult.withReplay());
        assertThat(fields(r.path("cpu"))).containsExactly("pipeline", "latency");
        for (String window : List.of("pipeline", "latency")) {
            assertThat(fields(r.path("cpu").path(window))).containsExactly("windowSeconds", "reports",
                    "clockTicksPerSecond", "cores", "availableCpuSeconds", "machineBusyCpuSeconds", "cpuSeconds",
                    "cpuMsPerReport", "totalCpuSeconds", "totalCpuMsPerReport", "shareOfAvailable", "measuredAs");
        }
        assertThat(r.path("cpu").path("pipeline").path("cpuSeconds").path("intake").asDouble()).isEqualTo(30.0);
        assertThat(r.path("cpu").path("pipeline").path("cpuMsPerReport").path("postgres").asDouble()).isEqualTo(1.989);
        assertThat(r.path("cpu").path("pipeline").path("availableCpuSeconds").asDouble()).isEqualTo(122.0);
        assertThat(r.path("cpu").path("latency").get("machineBusyCpuSeconds").isNull()).as("unknown").isTrue();
        assertThat(fields(r.path("floor"))).containsExactly("reports", "databases", "rowsChanged", "rowsPerReport",
                "kafkaRecords", "recordsPerReport", "jdbcRowsPerSecond", "kafkaRecordsPerSecond", "floorMsPerReport",
                "actualMsPerReport", "floorRatio", "synchronousCommit", "fsync", "durabilityOverrides", "durable",
                "measuredAs");
        // 13 / 33,200 + 6 / 84,300 s = 0.462741 ms a report, against 1 / 148.377 s = 6.74 ms
        assertThat(r.path("floor").path("floorMsPerReport").asDouble()).isEqualTo(0.462741);
        assertThat(r.path("floor").path("floorRatio").asDouble()).isEqualTo(0.06866);
        assertThat(r.path("floor").path("synchronousCommit").asText()).isEqualTo("on");
        assertThat(r.path("floor").path("durable").asBoolean()).isTrue();
        assertThat(fields(r.path("decisionHops"))).containsExactly("decisions", "samples", "kafkaTimestampType",
                "records", "recordsWithKafkaTimestampAtCeTime", "hops", "total");
        assertThat(r.path("decisionHops").path("hops")).hasSize(4);
        assertThat(fields(r.path("decisionHops").path("hops").get(0))).containsExactly("hop", "from", "to", "samples",
                "p50Ms", "p99Ms", "maxMs");
        assertThat(r.path("decisionHops").path("hops").get(1).path("p99Ms").asDouble()).isEqualTo(10.0);
        assertThat(r.path("decisionHops").path("total").path("p50Ms").asDouble()).isEqualTo(18.0);
        assertThat(fields(r.path("acceptedHops"))).containsExactly("reports", "samples", "kafkaTimestampType",
                "records", "recordsWithKafkaTimestampAtCeTime", "hops", "total");
        // two reports accepted, one whose case the bench read: 2 + 28 + 1 + 2 = 33 ms
        assertThat(r.path("acceptedHops").path("reports").asLong()).isEqualTo(2);
        assertThat(r.path("acceptedHops").path("samples").asLong()).isEqualTo(1);
        assertThat(r.path("acceptedHops").path("hops").get(1).path("p50Ms").asDouble()).isEqualTo(28.0);
        assertThat(r.path("acceptedHops").path("hops").get(1).path("from").asText())
                .isEqualTo("intake's record sent (Kafka timestamp)");
        assertThat(r.path("acceptedHops").path("total").path("p99Ms").asDouble()).isEqualTo(33.0);
    }

    @Test
    void valuesAreWrittenAsBefore() throws Exception {
        String text = BenchJson.write(SampleResult.withReplay());
        JsonNode r = new ObjectMapper().readTree(text);
        assertThat(r.path("date").asText()).isEqualTo("2026-11-23T07:00:00Z");
        assertThat(r.path("settings").path("rate").asText()).as("no fixed rate").isEqualTo("max");
        assertThat(r.path("pipeline").path("httpStatuses").path("202").asLong()).isEqualTo(9051);
        assertThat(r.path("pipeline").path("reportsPerSecond").asDouble()).isEqualTo(148.377); // 9051 / 61 s, rounded
        assertThat(r.path("pipeline").path("baselineRatio").asDouble()).isEqualTo(0.004469); // / 33,200: six decimals below 1
        assertThat(r.path("auditLog").path("madeAt").asText()).isEqualTo("2026-11-23T07:01:00Z");
        assertThat(r.path("replay").path("rawScanRatio").asDouble()).isEqualTo(2.548); // three decimals from 1 up
        // not measured: null, never left out
        assertThat(r.path("rssMb").has("audit")).isTrue();
        assertThat(r.path("rssMb").get("audit").isNull()).isTrue();
        assertThat(r.path("integrity").get("firstBrokenSequence").isNull()).isTrue();
        assertThat(r.path("timeline").path("pipeline").get("decisionToQueueP99Ms").isNull()).isTrue();
        // a series on one line, as people read the file
        assertThat(text).contains("\"reportsAccepted\": [100, 101]").contains("\"acceptedToCaseP99Ms\": [150, 170]")
                .endsWith("}\n");
    }

    @Test
    void aFixedRateIsANumber() throws Exception {
        BenchSettings settings = new BenchSettings(5, new BenchSettings.Rate(8.0), 4, 8, 5, 1, 0);
        assertThat(new ObjectMapper().readTree(BenchJson.write(settings)).path("rate").isNumber()).isTrue();
    }

    @Test
    void withoutAReplayThereIsNoAuditLogAndTheReplayFiguresAreEmpty() throws Exception {
        JsonNode r = json(SampleResult.withoutReplay());
        assertThat(r.has("auditLog")).isFalse();
        assertThat(r.has("history")).as("the history phase skipped").isFalse();
        assertThat(r.path("replay").get("eventsPerSecond").isNull()).isTrue();
        assertThat(r.path("replay").path("logEntries").asLong()).isZero();
        assertThat(r.path("integrity").get("verified").isNull()).isTrue();
        assertThat(r.path("integrity").has("warmUpEntries")).isFalse();
    }
}
