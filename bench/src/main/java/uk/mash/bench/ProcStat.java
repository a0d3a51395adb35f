package uk.mash.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line of {@code /proc/PID/stat} (proc(5)): the fields the bench's CPU accounting needs, in
 * clock ticks. The command name, field 2, is in parentheses and may itself hold spaces and
 * parentheses, so the fields after it are counted from its last ')'.
 *
 * @param utime  user time of the process itself
 * @param stime  system time of the process itself
 * @param cutime user time of its children that have ended and been waited for
 * @param cstime system time of those children
 */
record ProcStat(long pid, String name, long ppid, long utime, long stime, long cutime, long cstime) {

    /** Its own CPU and that of its reaped children, in ticks. */
    long ticksWithReapedChildren() {
        return utime + stime + cutime + cstime;
    }

    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).trim());
        String name = line.substring(open + 1, close);
        // after ")": state (field 3), ppid (4), ..., utime (14), stime (15), cutime (16), cstime (17)
        String[] f = line.substring(close + 1).trim().split("\\s+");
        return new ProcStat(pid, name, Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), Long.parseLong(f[14]));
    }

    /** The process's stat now, null when it is gone or unreadable (not Linux). */
    static ProcStat read(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (Exception e) {
            return null;
        }
    }
}
