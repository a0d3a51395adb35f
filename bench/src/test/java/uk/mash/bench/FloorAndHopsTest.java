package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The physical floor's arithmetic and decision → queue hop by hop. */
class FloorAndHopsTest {

    @Test
    void theFloorCostsARowsAndRecordsAtTheBaselines() {
        // 1,000 reports: 12,000 rows at 30,000 rows/s = 0.4 ms each, 5,000 records at 100,000/s = 0.05 ms each
        FloorResult f = FloorResult.of(1000, List.of("intake"), new FloorCounts(500, 70), new FloorCounts(12_500, 5_070),
                new Baselines(100_000, 30_000), 200.0, "on", "on", List.of());
        assertThat(f.rowsPerReport()).isEqualTo(12.0);
        assertThat(f.recordsPerReport()).isEqualTo(5.0);
        assertThat(f.floorMsPerReport()).isCloseTo(0.45, within(1e-9));
        assertThat(f.actualMsPerReport()).isEqualTo(5.0); // 200 reports/s
        assertThat(f.floorRatio()).isCloseTo(0.09, within(1e-9));
        assertThat(f.durable()).isTrue();
        assertThat(f.warning()).isNull();
    }

    @Test
    void withoutReportsOrARateThereIsNoFloorRatio() {
        FloorResult none = FloorResult.of(0, List.of(), new FloorCounts(0, 0), new FloorCounts(0, 0),
                new Baselines(100_000, 30_000), null, "on", "on", List.of());
        assertThat(none.floorMsPerReport()).isNull();
        assertThat(none.floorRatio()).isNull();
        assertThat(FloorResult.floorMsPerReport(1.0, 1.0, 0, 1)).as("no JDBC baseline").isNull();
    }

    @Test
    void aServerThatDoesNotCommitDurablyIsCalledOut() {
        FloorResult off = FloorResult.of(1, List.of(), new FloorCounts(0, 0), new FloorCounts(1, 1),
                new Baselines(1, 1), 1.0, "off", "on", List.of());
        assertThat(off.durable()).isFalse();
        assertThat(off.warning()).contains("synchronous_commit=off");
        FloorResult overridden = FloorResult.of(1, List.of(), new FloorCounts(0, 0), new FloorCounts(1, 1),
                new Baselines(1, 1), 1.0, "on", "on", List.of("screening/*: synchronous_commit=off"));
        assertThat(overridden.durable()).isFalse();
        assertThat(overridden.warning()).contains("screening/*: synchronous_commit=off");
    }

    @Test
    void theServiceDatabasesAreNamedLikeAudits() {
        assertThat(BenchCostMeter.serviceDatabases("audit")).containsExactly("intake", "screening", "routing", "audit");
        assertThat(BenchCostMeter.serviceDatabases("e2e_audit"))
                .containsExactly("e2e_intake", "e2e_screening", "e2e_routing", "e2e_audit");
    }

    @Test
    void percentilesAreNearestRankAndKeepNegatives() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            values.add((double) i);
        }
        HopSummary h = HopSummary.of("x", "a", "b", values);
        assertThat(h.p50Ms()).isEqualTo(50.0);
        assertThat(h.p99Ms()).isEqualTo(99.0);
        assertThat(h.maxMs()).isEqualTo(100.0);
        assertThat(HopSummary.of("x", "a", "b", List.of(-0.4, 3.0, 1.0)).p50Ms()).isEqualTo(1.0);
        assertThat(HopSummary.of("x", "a", "b", List.of(-0.4)).p99Ms()).isEqualTo(-0.4);
        assertThat(HopSummary.of("x", "a", "b", List.of()).p50Ms()).isNull();
    }

    @Test
    void aDecisionsFourHopsAddUpToDecisionToQueue() {
        // decision stored at 1,000,000.250 ms; sent 2.75 ms later; routed 10 ms after that; sent 1 ms later; read 4 ms later
        RecordStamps decision = new RecordStamps(1_000_000_250L, 1_000_003_000L, "CreateTime", 1_000_004_000L);
        RecordStamps referral = new RecordStamps(1_000_013_000L, 1_000_014_000L, "CreateTime", 1_000_018_000L);
        DecisionHops hops = DecisionHops.of(List.of("case-1", "case-2"), Map.of("case-1", decision),
                Map.of("case-1", referral, "case-2", referral));
        assertThat(hops.decisions()).isEqualTo(2);
        assertThat(hops.samples()).as("case-2's decision record was not read").isEqualTo(1);
        assertThat(hops.hops()).extracting(HopSummary::p50Ms).containsExactly(2.75, 10.0, 1.0, 4.0);
        assertThat(hops.total().p50Ms()).isEqualTo(17.75);
        assertThat(hops.kafkaTimestampType()).isEqualTo("CreateTime");
        assertThat(hops.records()).isEqualTo(2);
        assertThat(hops.recordsWithKafkaTimestampAtCeTime()).as("the decision's is 2.75 ms after its ce_time").isZero();
    }

    @Test
    void aKafkaTimestampCopiedFromCeTimeIsNoticed() {
        assertThat(new RecordStamps(1_000_123L, 1_000_000L, "CreateTime", 0).kafkaTimestampIsCeTimeMillisecond()).isTrue();
        assertThat(new RecordStamps(1_000_123L, 1_001_000L, "CreateTime", 0).kafkaTimestampIsCeTimeMillisecond()).isFalse();
        assertThat(new RecordStamps(-1, 0, "CreateTime", 0).kafkaTimestampIsCeTimeMillisecond()).isFalse();
    }
}
