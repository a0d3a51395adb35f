package uk.mash.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU from the first line of {@code /proc/stat}, in clock ticks summed over all
 * cores: what every process on it used (the stack's, the bench's and anyone else's), and all there was.
 *
 * @param busyTicks  user + nice + system + irq + softirq + steal
 * @param totalTicks busy + idle + iowait
 */
record MachineCpu(long busyTicks, long totalTicks) {

    static final MachineCpu UNKNOWN = new MachineCpu(-1, -1);

    boolean known() {
        return totalTicks >= 0;
    }

    /** "cpu  user nice system idle iowait irq softirq steal ...". */
    static MachineCpu parse(String firstLine) {
        String[] f = firstLine.trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1 < f.length ? Long.parseLong(f[i + 1]) : 0;
        }
        long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
        return new MachineCpu(busy, busy + v[3] + v[4]);
    }

    static MachineCpu read() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return parse(lines.findFirst().orElseThrow());
        } catch (Exception e) {
            return UNKNOWN;
        }
    }
}
