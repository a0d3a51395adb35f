package uk.mash.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a bench ran on: cores, memory, operating system, Java, load average. */
record BenchMachine(int cores, Long memoryMb, String os, String java, String loadAverageAtStart, String note) {

    static BenchMachine describe() {
        Long kb = null;
        try {
            kb = BenchProcesses.statusField(Files.readString(Path.of("/proc/meminfo")), "MemTotal");
        } catch (Exception e) {
            // not Linux: unknown
        }
        return new BenchMachine(Runtime.getRuntime().availableProcessors(), kb == null ? null : kb / 1024,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.version"),
                loadAverage(), "everything co-located: the four services, Kafka, PostgreSQL and the bench itself"
                        + " (and whatever else runs on the machine, see the load averages)");
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, null when unreadable. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return null;
        }
    }
}
