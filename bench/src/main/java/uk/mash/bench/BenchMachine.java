package uk.mash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a bench ran on: cores, memory, operating system, Java, load average. */
final class BenchMachine {

    private BenchMachine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        Long kb = null;
        try {
            kb = BenchProcesses.statusField(Files.readString(Path.of("/proc/meminfo")), "MemTotal");
        } catch (Exception e) {
            // not Linux: unknown
        }
        m.put("memoryMb", kb == null ? null : kb / 1024);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.version"));
        m.put("loadAverageAtStart", loadAverage());
        m.put("note", "everything co-located: the four services, Kafka, PostgreSQL and the bench itself"
                + " (and whatever else runs on the machine, see the load averages)");
        return m;
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
