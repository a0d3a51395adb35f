package uk.mash.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * latest.json's {@code cpu.pipeline} and {@code cpu.latency}: the CPU each of the stack's processes
 * used over one window of the bench ({@link ProcessCpu}), and per report sent in it, beside what the
 * machine had (cores × seconds) and what everything on it used (so that a reader sees how saturated it
 * was, and how much of that was not the stack's).
 *
 * @param reports                 the reports the window's figures are per (intake accepted them)
 * @param availableCpuSeconds     cores × windowSeconds
 * @param machineBusyCpuSeconds   every process on the machine, from /proc/stat; null when unreadable
 * @param cpuSeconds              name → CPU seconds of its process tree (intake, intake-2, ..., postgres, kafka, bench)
 * @param cpuMsPerReport          name → CPU milliseconds per report
 * @param shareOfAvailable        totalCpuSeconds / availableCpuSeconds
 */
record CpuResult(double windowSeconds, long reports, long clockTicksPerSecond, int cores, double availableCpuSeconds,
                 Double machineBusyCpuSeconds, Map<String, Double> cpuSeconds, Map<String, Double> cpuMsPerReport,
                 double totalCpuSeconds, Double totalCpuMsPerReport, Double shareOfAvailable, String measuredAs) {

    static final String MEASURED_AS = "utime+stime+cutime+cstime from /proc/PID/stat of each process tree (the"
            + " postmaster with its backends and workers, reaped ones through its cutime/cstime), end minus start of"
            + " the window";

    static CpuResult of(CpuSnapshot start, CpuSnapshot end, long reports, long ticksPerSecond, int cores) {
        double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> perReport = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> e : end.ticks().entrySet()) {
            Long before = start.ticks().get(e.getKey());
            if (before == null) {
                continue; // started within the window: its start-up is not this window's work
            }
            double s = (double) (e.getValue() - before) / ticksPerSecond;
            cpu.put(e.getKey(), s);
            perReport.put(e.getKey(), perReport(s, reports));
            total += s;
        }
        Double machineBusy = start.machine().known() && end.machine().known()
                ? (double) (end.machine().busyTicks() - start.machine().busyTicks()) / ticksPerSecond : null;
        double available = cores * seconds;
        return new CpuResult(seconds, reports, ticksPerSecond, cores, available, machineBusy, cpu, perReport, total,
                perReport(total, reports), available > 0 ? total / available : null, MEASURED_AS);
    }

    private static Double perReport(double seconds, long reports) {
        return reports > 0 ? seconds * 1000 / reports : null;
    }
}
