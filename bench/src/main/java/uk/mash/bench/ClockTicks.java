package uk.mash.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** How many clock ticks a second /proc counts CPU time in: {@code getconf CLK_TCK}, 100 when that cannot be run. */
final class ClockTicks {

    static final long FALLBACK = 100;

    private ClockTicks() {
    }

    static long perSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                long ticks = Long.parseLong(out);
                return ticks > 0 ? ticks : FALLBACK;
            }
        } catch (Exception e) {
            // not POSIX: Linux's usual value
        }
        return FALLBACK;
    }
}
