package uk.mash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.mash.platform.Service;
import uk.mash.platform.ServiceCatalog;

/**
 * Takes {@link CpuSnapshot}s of the stack's processes from /proc: every service replica
 * ({@code .mash/run/NAME.pid} and {@code NAME-K.pid} of {@code ./mash up --replicas N}), PostgreSQL,
 * Kafka ({@code .mash/run/kafka.pid}, the broker's JVM itself) and the bench's own JVM.
 *
 * <p>Each is counted as a process tree: the sum, over the root and every live descendant, of its own
 * time and its reaped children's (utime + stime + cutime + cstime). That is what matters for
 * PostgreSQL, whose postmaster forks a backend per connection and a worker per autovacuum run: a
 * backend that ends is reaped by the postmaster, which adds its CPU to the postmaster's cutime and
 * cstime in the same moment it leaves the tree. So a backend alive at the start and gone by the
 * end is counted once (its time before the start in the start's sum of live children, its whole
 * time in the postmaster's cutime at the end), and the difference of two snapshots is the CPU the
 * whole server used between them, whichever backends came and went. (A child that exits between
 * the postmaster's stat being read and the scan reaching it can be missed or counted twice: at
 * most one backend's time, and the scan takes milliseconds.)
 */
final class ProcessCpu {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String BENCH = "bench";
    private static final Pattern REPLICA_PID = Pattern.compile("(.+?)(?:-(\\d+))?\\.pid");

    private final Path home;
    private final Long postmaster;

    /**
     * @param home       ./mash's state, with run/NAME.pid
     * @param postmaster PostgreSQL's postmaster on this machine, null when not found (then not counted)
     */
    ProcessCpu(Path home, Long postmaster) {
        this.home = home;
        this.postmaster = postmaster;
    }

    /** name → the root pid counted under it, services first in the catalogue's order, then their replicas. */
    Map<String, Long> roots() {
        Map<String, Long> roots = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(home.resolve("run"))) {
            files.map(f -> f.getFileName().toString()).forEach(names::add);
        } catch (IOException e) {
            // no run folder: no service pids
        }
        for (String file : serviceReplicaPidFiles(names)) {
            Long pid = pidIn(home.resolve("run").resolve(file));
            if (pid != null) {
                roots.put(file.substring(0, file.length() - ".pid".length()), pid);
            }
        }
        if (postmaster != null) {
            roots.put(POSTGRES, postmaster);
        }
        Long kafka = pidIn(home.resolve("run").resolve(KAFKA + ".pid"));
        if (kafka != null) {
            roots.put(KAFKA, kafka);
        }
        roots.put(BENCH, ProcessHandle.current().pid());
        return roots;
    }

    /** Of these file names, the services' pid files (intake.pid, intake-2.pid, ...), by service then replica. */
    static List<String> serviceReplicaPidFiles(List<String> fileNames) {
        List<String> services = ServiceCatalog.SERVICES.stream().map(Service::name).toList();
        return fileNames.stream()
                .map(REPLICA_PID::matcher)
                .filter(m -> m.matches() && services.contains(m.group(1)))
                .sorted(Comparator.<Matcher>comparingInt(m -> services.indexOf(m.group(1)))
                        .thenComparingInt(m -> m.group(2) == null ? 1 : Integer.parseInt(m.group(2))))
                .map(m -> m.group(0))
                .toList();
    }

    CpuSnapshot snapshot() {
        Map<Long, ProcStat> all = allProcesses();
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> roots = roots();
        Set<Long> rootPids = new HashSet<>(roots.values());
        roots.forEach((name, pid) -> {
            Long t = treeTicks(pid, all, rootPids);
            if (t != null) {
                ticks.put(name, t);
            }
        });
        return new CpuSnapshot(System.nanoTime(), ticks, MachineCpu.read());
    }

    /**
     * The tree under {@code root}: each live member's own and reaped children's ticks; null when root
     * is gone. A descendant in {@code otherRoots} is left out with its own tree: ./mash bench restarts
     * the services (and may start Kafka and PostgreSQL), so they are its children too, and counted
     * under their own names, not again as the bench's.
     */
    static Long treeTicks(long root, Map<Long, ProcStat> all, Set<Long> otherRoots) {
        if (!all.containsKey(root)) {
            return null;
        }
        Map<Long, List<ProcStat>> children = new HashMap<>();
        for (ProcStat p : all.values()) {
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
        }
        long sum = 0;
        Deque<ProcStat> todo = new ArrayDeque<>(List.of(all.get(root)));
        while (!todo.isEmpty()) {
            ProcStat p = todo.pop();
            sum += p.ticksWithReapedChildren();
            children.getOrDefault(p.pid(), List.of()).stream().filter(c -> !otherRoots.contains(c.pid()))
                    .forEach(todo::add);
        }
        return sum;
    }

    /** Every process's stat now (those that end while the scan runs are left out). */
    static Map<Long, ProcStat> allProcesses() {
        Map<Long, ProcStat> all = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> {
                        ProcStat p = ProcStat.read(Long.parseLong(n));
                        if (p != null) {
                            all.put(p.pid(), p);
                        }
                    });
        } catch (IOException e) {
            // not Linux: nothing counted
        }
        return all;
    }

    private static Long pidIn(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (Exception e) {
            return null;
        }
    }
}
