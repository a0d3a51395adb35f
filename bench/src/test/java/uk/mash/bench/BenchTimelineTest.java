package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The bench's per-second series, from hand-made nanoTimes (no stack needed). */
class BenchTimelineTest {

    /** The run's second 0, far from 0 as nanoTime is. */
    private static final long O = 7_000_000_000_000L;

    private static long at(double seconds) {
        return O + Math.round(seconds * 1e9);
    }

    /** The latency phase began at 2.5 s; its reports, cases and decisions were seen as below. */
    private static BenchTimeline latencyPhase() {
        Map<String, Long> acceptedAt = Map.of(
                "a", at(2.6), "b", at(2.9),                     // second 2
                "c", at(3.1), "d", at(3.5), "e", at(3.9));      // second 3
        Map<String, Long> caseSeenAt = Map.of(
                "a", at(2.7),    // 100 ms, opened in second 2
                "b", at(3.2),    // 300 ms, opened in second 3
                "c", at(3.15),   //  50 ms, opened in second 3
                "e", at(5.0),    // 1100 ms, opened in second 5; d has no case
                "other-phase", at(4.5));
        Map<String, Long> decidedAt = Map.of(
                "C1", at(4.2), "C2", at(4.8), "C3", at(4.9),    // second 4
                "C4", at(6.0));                                 // second 6
        Map<String, Long> referralSeenAt = Map.of(
                "C1", at(4.35),  // 150 ms
                "C3", at(5.1),   // 200 ms; C2 has no referral
                "C4", at(6.04),  //  40 ms
                "C9", at(5.5));  // not decided in this phase
        return BenchTimeline.of("latency", O, at(2.5), acceptedAt, caseSeenAt, decidedAt, referralSeenAt);
    }

    @Test
    void countsEachReportInTheSecondItWasAcceptedAndItsCaseInTheSecondItWasSeen() {
        BenchTimeline t = latencyPhase();
        assertThat(t.phase()).isEqualTo("latency");
        assertThat(t.startSecond()).isCloseTo(2.5, within(1e-9));
        // seconds 2 to 6: from the first report accepted to the last decision recorded
        assertThat(t.fromSecond()).isEqualTo(2);
        assertThat(t.fromSecond() + t.reportsAccepted().size()).as("to second 7").isEqualTo(7);
        assertThat(t.reportsAccepted()).containsExactly(2L, 3L, 0L, 0L, 0L);
        assertThat(t.casesOpened()).containsExactly(1L, 2L, 0L, 1L, 0L);
    }

    @Test
    void latencyPercentilesBelongToTheSecondTheReportWasAccepted() {
        BenchTimeline t = latencyPhase();
        // second 2: 100 and 300 ms; second 3: 50 and 1100 ms (d never got a case)
        assertThat(t.acceptedToCaseP50Ms()).containsExactly(100.0, 50.0, null, null, null);
        assertThat(t.acceptedToCaseP99Ms()).containsExactly(300.0, 1100.0, null, null, null);
    }

    @Test
    void decisionLatencyBelongsToTheSecondTheDecisionWasRecorded() {
        BenchTimeline t = latencyPhase();
        // second 4: 150 and 200 ms (C2's referral never came); second 6: 40 ms
        assertThat(t.decisionToQueueP50Ms()).containsExactly(null, null, 150.0, null, 40.0);
        assertThat(t.decisionToQueueP99Ms()).containsExactly(null, null, 200.0, null, 40.0);
        assertThat(t.series().decisionToQueueP99Ms()).as("in latest.json").isNotNull();
    }

    @Test
    void aPhaseWithoutDecisionsStartsAtItsFirstSendAndHasNoDecisionLatency() {
        BenchTimeline t = BenchTimeline.of("pipeline", O, O, Map.of("a", at(0.4), "b", at(1.2)),
                Map.of("a", at(0.3), "b", at(3.0)), Map.of(), Map.of());
        assertThat(t.fromSecond()).isZero();
        assertThat(t.reportsAccepted()).containsExactly(1L, 1L, 0L, 0L);
        assertThat(t.casesOpened()).containsExactly(1L, 0L, 0L, 1L);
        // a's case event was read 100 ms before its 202: zero, as BenchLatency records it
        assertThat(t.acceptedToCaseP99Ms()).containsExactly(0.0, 1800.0, null, null);
        assertThat(t.series().decisionToQueueP99Ms()).as("in latest.json: null").isNull();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] oneToHundredMs = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000L).toArray();
        assertThat(BenchTimeline.percentileMs(oneToHundredMs, 50)).isEqualTo(50.0);
        assertThat(BenchTimeline.percentileMs(oneToHundredMs, 99)).isEqualTo(99.0);
        assertThat(BenchTimeline.percentileMs(oneToHundredMs, 100)).isEqualTo(100.0);
        assertThat(BenchTimeline.percentileMs(new long[] {2_500_000L}, 99)).isEqualTo(2.5);
        assertThat(BenchTimeline.percentileMs(new long[] {1_000_000L, 9_000_000L}, 50)).isEqualTo(1.0);
    }

    @Test
    void jsonHasOneArrayPerSeriesOnOneLineAndNullForASeriesWithoutSamples() throws Exception {
        BenchTimeline pipeline = BenchTimeline.of("pipeline", O, O, Map.of("a", at(0.5)), Map.of("a", at(0.75)),
                Map.of(), Map.of());
        String json = BenchJson.write(TimelineResult.of(pipeline, latencyPhase()));

        assertThat(json).contains("\"reportsAccepted\": [2, 3, 0, 0, 0]")
                .contains("\"acceptedToCaseP99Ms\": [300, 1100, null, null, null]")
                .contains("\"decisionToQueueP99Ms\": [null, null, 200, null, 40]");
        JsonNode timeline = new ObjectMapper().readTree(json);
        assertThat(timeline.path("unit").asText()).startsWith("one value a second");
        JsonNode p = timeline.path("pipeline");
        assertThat(p.path("fromSecond").asInt()).isZero();
        assertThat(p.path("acceptedToCaseP50Ms").toString()).isEqualTo("[250]");
        assertThat(p.has("decisionToQueueP99Ms")).isTrue();
        assertThat(p.get("decisionToQueueP99Ms").isNull()).isTrue();
        JsonNode l = timeline.path("latency");
        assertThat(l.path("startSecond").asDouble()).isEqualTo(2.5);
        assertThat(l.path("casesOpened").toString()).isEqualTo("[1,2,0,1,0]");
    }
}
