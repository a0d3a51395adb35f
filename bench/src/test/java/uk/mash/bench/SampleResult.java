package uk.mash.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A made-up bench run's result, every part filled in as a real run fills it. */
final class SampleResult {

    private SampleResult() {
    }

    static BenchResult withReplay() {
        ScratchLogResult log = new ScratchLogResult("audit_bench", 1_000_000, 4.2, false,
                new LogGeneration(71.5, 60.1, 11.4, 812.3, Map.of("mash.access.case-read.v1", 310_000L)),
                Instant.parse("2026-11-23T07:01:00Z"), 71.5, 900.5, 60.25, 1011.0);
        return result(ReplayResult.of(1_000_000, 2.5, new RawScan(1_000_000, 157_000), 80_000L),
                IntegrityResult.of(1_000_000, 5.0, true, null, 200_000, 1.5), log);
    }

    static BenchResult withoutReplay() {
        return result(ReplayResult.skipped(), IntegrityResult.skipped(), null);
    }

    /** A history phase on a log this run made. */
    static HistoryResult history() {
        return new HistoryResult("audit_history", 5_000_000, false, 1450.5,
                new LogGeneration(1400.0, 1300.0, 100.0, 590.0, Map.of("mash.case.opened.v1", 420_000L)),
                Instant.parse("2026-11-23T07:30:00Z"), 1400.0, Instant.parse("2016-01-04T08:31:00Z"),
                Instant.parse("2026-01-04T08:00:00Z"), 4600.5, 2400.25, "128m",
                new LatencySummary(20, 800.0, 950.0, 950.0, 950.0), List.of("2019-01-01/2019-06-30"),
                new LatencySummary(180, 5.0, 12.0, 15.0, 15.0), 11.9, new LatencySummary(180, 6.0, 14.0, 16.0, 16.0),
                new HistoryResult.ExportResult(4_500_001, 5_000_000, 500_000, 540_000_000, 60.0, 8333.333),
                230.5, 240.0, HistoryResult.TARGETS);
    }

    private static BenchResult result(ReplayResult replay, IntegrityResult integrity, ScratchLogResult log) {
        Map<Integer, Long> statuses = new LinkedHashMap<>();
        statuses.put(202, 9051L);
        LoadResult load = new LoadResult(9051, 9051, 0, statuses, Map.of(), 0, 60_000_000_000L, 60, null);
        PipelineDrain drain = new PipelineDrain(9051, 18_102, true, 12, new BenchPipeline(9051, 9051, 9051, 60, 61, 61));
        PipelineResult pipeline = PipelineResult.of(load, drain, true, 9051, new Baselines(84_300, 33_200));
        LoadResult fixed = new LoadResult(2000, 1999, 1, Map.of(202, 1999L, 503, 1L), Map.of(), 0, 0, 20, "503: busy");
        LatencyResult latency = LatencyResult.of(100, fixed, new LatencySummary(1999, 59.0, 175.0, 197.0, 205.0), 0,
                new DecisionsResult(1936, 1936, 0, Map.of(), null), new LatencySummary(1936, 192.0, 499.0, 590.0, 605.0),
                0, 0);
        Map<String, Double> rss = new LinkedHashMap<>();
        rss.put("intake", 218.5);
        rss.put("screening", 237.0);
        rss.put("routing", 174.25);
        rss.put("audit", null);
        TimelineResult.PhaseSeries series = new TimelineResult.PhaseSeries(0, 0, List.of(100L, 101L), List.of(99L, 102L),
                List.of(50.0, 60.0), List.of(150.0, 170.0), null, null);
        return new BenchResult(Instant.parse("2026-11-23T07:00:00Z"),
                new BenchMachine(2, 24105L, "Linux 6.8", "17.0.15", "5.5 6.7 5.1", "everything co-located"),
                new BenchSettings(60, BenchSettings.Rate.MAX, 32, 100, 20, 10, 60), pipeline, latency, replay, integrity,
                log, rss, rss, Map.of("intake", 3.3), "1.7 1.5 1.2", new TimelineResult(TimelineResult.UNIT, series, series),
                cpu(), floor(pipeline), acceptedHops(), hops(), log == null ? null : history());
    }

    private static CpuWindows cpu() {
        CpuSnapshot start = new CpuSnapshot(0, Map.of("intake", 1000L, "postgres", 500L), new MachineCpu(0, 0));
        Map<String, Long> end = new LinkedHashMap<>();
        end.put("intake", 4000L);
        end.put("postgres", 2300L);
        CpuResult pipeline = CpuResult.of(start, new CpuSnapshot(61_000_000_000L, end, new MachineCpu(11_000, 12_200)),
                9051, 100, 2);
        return new CpuWindows(pipeline, CpuResult.of(start, new CpuSnapshot(20_000_000_000L, end, MachineCpu.UNKNOWN),
                1999, 100, 2));
    }

    /** 13 rows and 6 records a report; 9051 reports in 61 s. */
    private static FloorResult floor(PipelineResult pipeline) {
        return FloorResult.of(9051, List.of("intake", "screening", "routing", "audit"), new FloorCounts(0, 0),
                new FloorCounts(9051 * 13L, 9051 * 6L), new Baselines(84_300, 33_200), pipeline.reportsPerSecond(), "on",
                "on", List.of());
    }

    /** One report: accepted at 0, sent at 2 ms, its case opened at 30 ms, sent at 31 ms, read at 33 ms. */
    private static AcceptedHops acceptedHops() {
        RecordStamps report = new RecordStamps(2_000_000_000L, 2_000_002_000L, "CreateTime", 2_000_003_000L);
        RecordStamps opened = new RecordStamps(2_000_030_000L, 2_000_031_000L, "CreateTime", 2_000_033_000L);
        return AcceptedHops.of(List.of("r1", "r2"), Map.of("r1", report, "r2", report), Map.of("r1", opened));
    }

    private static DecisionHops hops() {
        RecordStamps decision = new RecordStamps(1_000_000_000L, 1_000_003_000L, "CreateTime", 1_000_004_000L);
        RecordStamps referral = new RecordStamps(1_000_013_000L, 1_000_014_000L, "CreateTime", 1_000_018_000L);
        return DecisionHops.of(List.of("c1"), Map.of("c1", decision), Map.of("c1", referral));
    }
}
