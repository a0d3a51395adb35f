package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bench's pure arithmetic: pacing, percentiles, pipeline rates. No stack needed. */
class BenchMathTest {

    @Test
    void pacerSpacesRequestsEvenlyFromTheStart() {
        BenchPacer pacer = new BenchPacer(1_000L, 100);
        assertThat(pacer.dueNanos(0)).isEqualTo(1_000L);
        assertThat(pacer.dueNanos(1)).isEqualTo(1_000L + 10_000_000L);
        assertThat(pacer.dueNanos(100)).isEqualTo(1_000L + 1_000_000_000L);
        // a late sender does not shift the schedule: request 50 is still due at 0.5 s
        assertThat(pacer.waitNanos(50, 1_000L + 2_000_000_000L)).isZero();
        assertThat(pacer.waitNanos(50, 1_000L)).isEqualTo(500_000_000L);
    }

    @Test
    void pacerWithoutRateSendsEverythingAtOnce() {
        BenchPacer pacer = new BenchPacer(5L, 0);
        assertThat(pacer.unlimited()).isTrue();
        assertThat(pacer.dueNanos(1_000_000)).isEqualTo(5L);
        assertThat(pacer.waitNanos(1_000_000, 5L)).isZero();
    }

    @Test
    void fractionalRatesKeepTheirAverage() {
        BenchPacer pacer = new BenchPacer(0, 2.5);
        assertThat(pacer.dueNanos(5)).isEqualTo(2_000_000_000L);
    }

    @Test
    void latencyPercentilesInMilliseconds() {
        BenchLatency latency = new BenchLatency();
        for (int ms = 1; ms <= 1000; ms++) {
            latency.recordNanos(ms * 1_000_000L);
        }
        assertThat(latency.count()).isEqualTo(1000);
        assertThat(latency.percentileMs(50)).isCloseTo(500, within(1.0));
        assertThat(latency.percentileMs(99)).isCloseTo(990, within(1.0));
        assertThat(latency.percentileMs(99.9)).isCloseTo(999, within(1.0));
        assertThat(latency.maxMs()).isCloseTo(1000, within(1.0));
        LatencySummary summary = latency.summary();
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p999Ms()).isEqualTo(latency.percentileMs(99.9));
    }

    @Test
    void noSamplesMeansNullsNotZeros() {
        BenchLatency latency = new BenchLatency();
        latency.summary();
        assertThat(latency.percentileMs(99)).isNull();
        assertThat(latency.maxMs()).isNull();
        assertThat(latency.summary()).isEqualTo(new LatencySummary(0, null, null, null, null));
    }

    @Test
    void negativeLatencyIsRecordedAsZero() {
        BenchLatency latency = new BenchLatency();
        latency.recordNanos(-5_000_000L);
        assertThat(latency.maxMs()).isZero();
    }

    @Test
    void pipelineRateIsTheSlowestStageOverTheWholeWindow() {
        // 6000 accepted in 60 s, 5900 cases by 70 s, audit for 5800 reports by 80 s
        BenchPipeline p = new BenchPipeline(6000, 5900, 5800, 60, 70, 80);
        assertThat(p.completed()).isEqualTo(5800);
        assertThat(p.windowSeconds()).isEqualTo(80);
        assertThat(p.reportsPerSecond()).isCloseTo(72.5, within(1e-9));
        assertThat(p.acceptedPerSecond()).isCloseTo(100, within(1e-9));
        assertThat(p.casesPerSecond()).isCloseTo(5900 / 70d, within(1e-9));
        assertThat(p.auditPerSecond()).isCloseTo(72.5, within(1e-9));
    }

    @Test
    void noWindowNoRate() {
        BenchPipeline p = new BenchPipeline(0, 0, 0, 0, 0, 0);
        assertThat(p.reportsPerSecond()).isNull();
    }

    @Test
    void baselineRatioUsesTheSlowerBaseline() {
        assertThat(BenchPipeline.baselineRatio(100d, 10_000d, 400d)).isCloseTo(0.25, within(1e-9));
        assertThat(BenchPipeline.baselineRatio(100d, 200d, 400d)).isCloseTo(0.5, within(1e-9));
        assertThat(BenchPipeline.baselineRatio(null, 200d, 400d)).isNull();
        assertThat(BenchPipeline.baselineRatio(100d, 0d, 400d)).isNull();
    }
}
