package uk.mash.bench;

import java.util.Map;

/** The human summary of a bench result (the map written to latest.json). */
final class BenchSummary {

    private BenchSummary() {
    }

    static String text(Map<String, Object> r) {
        Map<?, ?> machine = (Map<?, ?>) r.get("machine");
        Map<?, ?> p = (Map<?, ?>) r.get("pipeline");
        Map<?, ?> l = (Map<?, ?>) r.get("latency");
        Map<?, ?> replay = (Map<?, ?>) r.get("replay");
        Map<?, ?> integrity = (Map<?, ?>) r.get("integrity");
        StringBuilder s = new StringBuilder();
        s.append("MASH Hub bench, ").append(r.get("date")).append('\n');
        s.append(String.format("  machine         %s cores, %s MB, load %s at start, %s at end%n", machine.get("cores"),
                machine.get("memoryMb"), machine.get("loadAverageAtStart"), r.get("loadAverageAtEnd")));
        s.append(String.format("  pipeline        %s reports/s through intake, screening and audit (%s of %s accepted, %s s window%s)%n",
                n(p.get("reportsPerSecond")), p.get("completedReports"), p.get("reportsAccepted"), n(p.get("windowSeconds")),
                Boolean.TRUE.equals(p.get("drained")) ? "" : ", NOT fully drained"));
        s.append(String.format("    stages        accepted %s/s, cases opened %s/s, audit %s reports/s (%s entries per report)%n",
                n(p.get("acceptedPerSecond")), n(p.get("casesOpenedPerSecond")), n(p.get("auditReportsPerSecond")),
                n(p.get("auditEntriesPerReport"))));
        s.append(String.format("    baseline      Kafka %s records/s, JDBC %s rows/s; baselineRatio %s%n",
                n(p.get("kafkaBaselinePerSecond")), n(p.get("jdbcBaselinePerSecond")), n(p.get("baselineRatio"))));
        s.append(String.format("  latency         accepted -> case at %s/s: p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (%s samples, %s missing)%n",
                n(l.get("rate")), n(l.get("acceptedToCaseP50Ms")), n(l.get("acceptedToCaseP99Ms")),
                n(l.get("acceptedToCaseP999Ms")), n(l.get("acceptedToCaseMaxMs")), l.get("acceptedToCaseSamples"),
                l.get("acceptedToCaseMissing")));
        s.append(String.format("                  decision -> queue: p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (%s samples, %s missing)%n",
                n(l.get("decisionToQueueP50Ms")), n(l.get("decisionToQueueP99Ms")), n(l.get("decisionToQueueP999Ms")),
                n(l.get("decisionToQueueMaxMs")), n(l.get("decisionToQueueSamples")), n(l.get("decisionToQueueMissing"))));
        s.append(String.format("  replay          %s events/s, rawScanRatio %s (raw JDBC scan %s rows/s; log of %s entries)%n",
                n(replay.get("eventsPerSecond")), n(replay.get("rawScanRatio")), n(replay.get("rawScanRowsPerSecond")),
                n(replay.get("logEntries"))));
        s.append(String.format("  integrity       %s entries/s (verified %s)%n", n(integrity.get("entriesPerSecond")),
                n(integrity.get("verified"))));
        s.append(String.format("  peak RSS (MB)   %s%n", mb((Map<?, ?>) r.get("rssMb"))));
        s.append(String.format("  start-up (s)    %s%n", mb((Map<?, ?>) r.get("startupSeconds"))));
        return s.toString();
    }

    /** A number as the JSON shows it, "-" for null (not measured). */
    static String n(Object v) {
        if (v == null) {
            return "-";
        }
        return v instanceof Number num ? BenchJson.number(num.doubleValue()) : v.toString();
    }

    private static String mb(Map<?, ?> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(n(v)));
        return s.toString();
    }
}
