package uk.mash.bench;

import java.util.Map;

/** The human summary of a bench run, printed after latest.json is written. */
final class BenchSummary {

    private BenchSummary() {
    }

    static String text(BenchResult r) {
        BenchMachine machine = r.machine();
        PipelineResult p = r.pipeline();
        LatencyResult l = r.latency();
        ReplayResult replay = r.replay();
        IntegrityResult integrity = r.integrity();
        StringBuilder s = new StringBuilder();
        s.append("MASH Hub bench, ").append(r.date()).append('\n');
        s.append(String.format("  machine         %s cores, %s MB, load %s at start, %s at end%n", machine.cores(),
                machine.memoryMb(), machine.loadAverageAtStart(), r.loadAverageAtEnd()));
        s.append(String.format("  pipeline        %s reports/s through intake, screening and audit (%s of %s accepted, %s s window%s)%n",
                n(p.reportsPerSecond()), p.completedReports(), p.reportsAccepted(), n(p.windowSeconds()),
                p.drained() ? "" : ", NOT fully drained"));
        s.append(String.format("    stages        accepted %s/s, cases opened %s/s, audit %s reports/s (%s entries per report)%n",
                n(p.acceptedPerSecond()), n(p.casesOpenedPerSecond()), n(p.auditReportsPerSecond()),
                n(p.auditEntriesPerReport())));
        s.append(String.format("    baseline      Kafka %s records/s, JDBC %s rows/s; baselineRatio %s, floorRatio %s%n",
                n(p.kafkaBaselinePerSecond()), n(p.jdbcBaselinePerSecond()), n(p.baselineRatio()),
                n(r.floor() == null ? null : r.floor().floorRatio())));
        s.append(CostSummary.floor(r));
        s.append(String.format("  latency         accepted -> case at %s/s: p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (%s samples, %s missing)%n",
                n(l.rate()), n(l.acceptedToCaseP50Ms()), n(l.acceptedToCaseP99Ms()), n(l.acceptedToCaseP999Ms()),
                n(l.acceptedToCaseMaxMs()), l.acceptedToCaseSamples(), l.acceptedToCaseMissing()));
        s.append(String.format("                  decision -> queue: p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (%s samples, %s missing)%n",
                n(l.decisionToQueueP50Ms()), n(l.decisionToQueueP99Ms()), n(l.decisionToQueueP999Ms()),
                n(l.decisionToQueueMaxMs()), l.decisionToQueueSamples(), l.decisionToQueueMissing()));
        s.append(CostSummary.cpuAndHops(r));
        s.append(String.format("  replay          %s events/s, rawScanRatio %s (raw JDBC scan %s rows/s; log of %s entries)%n",
                n(replay.eventsPerSecond()), n(replay.rawScanRatio()), n(replay.rawScanRowsPerSecond()),
                replay.logEntries()));
        s.append(String.format("  integrity       %s entries/s (verified %s)%n", n(integrity.entriesPerSecond()),
                n(integrity.verified())));
        HistoryResult h = r.history();
        if (h != null) {
            HistoryResult.Targets t = h.targets();
            s.append(String.format("  history         ten-year log of %s entries (%s to %s)%n", h.entries(),
                    h.firstOccurredAt(), h.lastOccurredAt()));
            s.append(String.format("    report card   a half-year: p50 %s ms, p99 %s ms, max %s ms (target p99 <= %s ms)%n",
                    n(h.reportCard().p50Ms()), n(h.reportCard().p99Ms()), n(h.reportCard().maxMs()), n(t.reportCardP99Ms())));
            s.append(String.format("    case history  p50 %s ms, p99 %s ms, max %s ms (target p99 <= %s ms); as of p99 %s ms%n",
                    n(h.caseHistory().p50Ms()), n(h.caseHistory().p99Ms()), n(h.caseHistory().maxMs()),
                    n(t.caseHistoryP99Ms()), n(h.caseAsOf().p99Ms())));
            s.append(String.format("    export        %s entries in %s s (%s entries/s)%n", h.export().entries(),
                    n(h.export().seconds()), n(h.export().entriesPerSecond())));
            s.append(String.format("    audit RSS     peak %s MB, high-water mark %s MB, heap %s (target <= %s MB)%n",
                    n(h.peakRssMb()), n(h.rssHighWaterMarkMb()), h.heap(), n(t.rssMb())));
        }
        s.append(String.format("  peak RSS (MB)   %s%n", perService(r.rssMb())));
        s.append(String.format("  start-up (s)    %s%n", perService(r.startupSeconds())));
        return s.toString();
    }

    /** A number as the JSON shows it, "-" for null (not measured). */
    static String n(Object v) {
        if (v == null) {
            return "-";
        }
        return v instanceof Number num ? BenchJson.number(num.doubleValue()) : v.toString();
    }

    private static String perService(Map<String, Double> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(n(v)));
        return s.toString();
    }
}
