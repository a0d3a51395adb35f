package uk.mash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.mash.platform.Service;
import uk.mash.platform.ServiceCatalog;

/**
 * The services' processes as ./mash up started them: pids from .mash/run/NAME.pid, resident memory
 * from /proc/PID/status, start-up time from the last "started in X.XXXs" of .mash/logs/NAME.log.
 */
final class BenchProcesses {

    static final List<String> SERVICES = ServiceCatalog.SERVICES.stream().map(Service::name).toList();
    private static final Pattern STARTED = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s");

    private final Path home;
    /** name → the highest VmRSS sampled, in kB. */
    final Map<String, Long> peakRssKb = new LinkedHashMap<>();

    BenchProcesses(Path home) {
        this.home = home;
    }

    Long pid(String name) {
        try {
            return Long.parseLong(Files.readString(home.resolve("run").resolve(name + ".pid")).trim());
        } catch (Exception e) {
            return null;
        }
    }

    /** A field of /proc/PID/status in kB ("VmRSS", "VmHWM"), null when unreadable. */
    Long statusKb(String name, String field) {
        Long pid = pid(name);
        if (pid == null) {
            return null;
        }
        try {
            return statusField(Files.readString(Path.of("/proc", pid.toString(), "status")), field);
        } catch (Exception e) {
            return null;
        }
    }

    static Long statusField(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        return null;
    }

    synchronized void sample() {
        for (String name : SERVICES) {
            Long kb = statusKb(name, "VmRSS");
            if (kb != null) {
                peakRssKb.merge(name, kb, Math::max);
            }
        }
    }

    synchronized Map<String, Double> peakRssMb() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : SERVICES) {
            Long kb = peakRssKb.get(name);
            m.put(name, kb == null ? null : kb / 1024d);
        }
        return m;
    }

    /** VmHWM: the peak since each process started (start-up included), in MB. */
    Map<String, Double> highWaterMarkMb() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : SERVICES) {
            Long kb = statusKb(name, "VmHWM");
            m.put(name, kb == null ? null : kb / 1024d);
        }
        return m;
    }

    Map<String, Double> startupSeconds() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : SERVICES) {
            Double s = null;
            try {
                s = lastStartedIn(Files.readString(home.resolve("logs").resolve(name + ".log")));
            } catch (Exception e) {
                // no log: not measured
            }
            m.put(name, s);
        }
        return m;
    }

    /** The seconds of the last "started in X.XXXs" in a Quarkus log, null when there is none. */
    static Double lastStartedIn(String log) {
        Matcher m = STARTED.matcher(log);
        Double last = null;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
