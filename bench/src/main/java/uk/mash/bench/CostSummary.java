package uk.mash.bench;

import static uk.mash.bench.BenchSummary.n;

import java.util.Map;

/** The summary's lines for issue 16's figures: the physical floor, CPU per process, decision → queue hops. */
final class CostSummary {

    private CostSummary() {
    }

    /** Under the pipeline's baseline line: what a report physically costs, and whether commits are durable. */
    static String floor(BenchResult r) {
        StringBuilder s = new StringBuilder();
        FloorResult f = r.floor();
        if (f != null) {
            s.append(String.format("    floor         %s rows + %s Kafka records per report = %s ms at the baselines;"
                            + " actual %s ms; floorRatio %s%n", n(f.rowsPerReport()), n(f.recordsPerReport()),
                    n(f.floorMsPerReport()), n(f.actualMsPerReport()), n(f.floorRatio())));
            s.append(String.format("    durability    synchronous_commit %s, fsync %s%s%n", f.synchronousCommit(), f.fsync(),
                    f.durabilityOverrides().isEmpty() ? "" : ", overridden: " + f.durabilityOverrides()));
            if (f.warning() != null) {
                s.append("  ").append(f.warning()).append('\n');
            }
        }
        return s.toString();
    }

    /** After the latency lines: CPU per process in each window, then accepted → case and decision → queue hop by hop. */
    static String cpuAndHops(BenchResult r) {
        StringBuilder s = new StringBuilder();
        if (r.cpu() != null) {
            cpu(s, "pipeline", r.cpu().pipeline());
            cpu(s, "latency", r.cpu().latency());
        }
        AcceptedHops a = r.acceptedHops();
        if (a != null) {
            hops(s, "accepted hops", a.reports() + " reports", a);
        }
        DecisionHops h = r.decisionHops();
        if (h != null) {
            hops(s, "decision hops", h.decisions() + " decisions", h);
        }
        return s.toString();
    }

    private static void cpu(StringBuilder s, String window, CpuResult c) {
        if (c == null) {
            return;
        }
        s.append(String.format("  cpu %-11s %s s window, %s reports; %s CPU s used of %s available (%s cores x %s s,"
                        + " %s%%); the whole machine: %s CPU s%n", window, n(c.windowSeconds()), c.reports(),
                n(c.totalCpuSeconds()), n(c.availableCpuSeconds()), c.cores(), n(c.windowSeconds()),
                n(c.shareOfAvailable() == null ? null : c.shareOfAvailable() * 100), n(c.machineBusyCpuSeconds())));
        StringBuilder per = new StringBuilder();
        for (Map.Entry<String, Double> e : c.cpuMsPerReport().entrySet()) {
            per.append(per.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(n(e.getValue()));
        }
        s.append(String.format("    ms/report     %s; total %s%n", per, n(c.totalCpuMsPerReport())));
    }

    private static void hops(StringBuilder s, String name, String of, RecordHops h) {
        s.append(String.format("  %-15s %s of %s, Kafka timestamps %s (%s of %s records at their ce_time's millisecond);"
                + " p50 / p99 / max ms:%n", name, h.samples(), of, n(h.kafkaTimestampType()),
                h.recordsWithKafkaTimestampAtCeTime(), h.records()));
        for (HopSummary hop : h.hops()) {
            hop(s, "(" + hop.hop() + ") " + hop.from() + " -> " + hop.to(), hop);
        }
        hop(s, "total", h.total());
    }

    private static void hop(StringBuilder s, String label, HopSummary hop) {
        s.append(String.format("    %-86s %s / %s / %s%n", label, n(hop.p50Ms()), n(hop.p99Ms()), n(hop.maxMs())));
    }
}
