package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CPU time from /proc: the stat line, process trees, the stack's pid files. */
class ProcessCpuTest {

    @Test
    void aStatLineIsReadPastACommandNameWithSpacesAndParentheses() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        ProcStat p = ProcStat.parse("4242 (my (odd) name) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 1234 567 89 10 20 0 31 0 900 1 2\n");
        assertThat(p.pid()).isEqualTo(4242);
        assertThat(p.name()).isEqualTo("my (odd) name) x");
        assertThat(p.ppid()).isEqualTo(17);
        assertThat(p.utime()).isEqualTo(1234);
        assertThat(p.stime()).isEqualTo(567);
        assertThat(p.cutime()).isEqualTo(89);
        assertThat(p.cstime()).isEqualTo(10);
        assertThat(p.ticksWithReapedChildren()).isEqualTo(1234 + 567 + 89 + 10);
    }

    @Test
    void aTreeCountsEveryLiveDescendantAndWhatItsMembersReaped() {
        Map<Long, ProcStat> all = Map.of(
                1L, new ProcStat(1, "init", 0, 500, 500, 0, 0),
                10L, new ProcStat(10, "postgres", 1, 100, 50, 30, 20), // the postmaster: 50 reaped from ended backends
                11L, new ProcStat(11, "postgres", 10, 7, 3, 0, 0),
                12L, new ProcStat(12, "postgres", 10, 5, 5, 0, 0),
                13L, new ProcStat(13, "sh", 12, 1, 1, 0, 0),
                20L, new ProcStat(20, "java", 1, 999, 999, 0, 0));
        assertThat(ProcessCpu.treeTicks(10, all, Set.of(10L, 20L))).isEqualTo(150 + 50 + 10 + 10 + 2);
        assertThat(ProcessCpu.treeTicks(20, all, Set.of())).isEqualTo(1998);
        assertThat(ProcessCpu.treeTicks(99, all, Set.of())).as("gone").isNull();
        // ./mash bench (20) restarted a service (30): the service is its child, but counted as itself
        Map<Long, ProcStat> withService = new java.util.HashMap<>(all);
        withService.put(30L, new ProcStat(30, "java", 20, 40, 2, 0, 0));
        withService.put(31L, new ProcStat(31, "getconf", 20, 1, 0, 0, 0));
        assertThat(ProcessCpu.treeTicks(20, withService, Set.of(20L, 30L))).isEqualTo(1998 + 1);
        assertThat(ProcessCpu.treeTicks(30, withService, Set.of(20L, 30L))).isEqualTo(42);
    }

    @Test
    void aBackendThatEndsInTheWindowIsCountedOnce() {
        // at the start backend 11 had used 10 ticks; it then used 5 more and ended, reaped by the postmaster
        Map<Long, ProcStat> start = Map.of(10L, new ProcStat(10, "postgres", 1, 100, 0, 0, 0),
                11L, new ProcStat(11, "postgres", 10, 10, 0, 0, 0));
        Map<Long, ProcStat> end = Map.of(10L, new ProcStat(10, "postgres", 1, 101, 0, 15, 0));
        assertThat(ProcessCpu.treeTicks(10, end, Set.of()) - ProcessCpu.treeTicks(10, start, Set.of())).isEqualTo(1 + 5);
    }

    @Test
    void theServicesReplicasAreFoundByTheirPidFiles(@TempDir Path home) throws Exception {
        assertThat(ProcessCpu.serviceReplicaPidFiles(List.of("kafka.pid", "audit.pid", "intake-2.pid", "intake.pid",
                "intake-10.pid", "postgres.pid", "intake.port", "screening.pid", "dead-letters.pid", "intake-3.pid")))
                .containsExactly("intake.pid", "intake-2.pid", "intake-3.pid", "intake-10.pid", "screening.pid", "audit.pid");
        Files.createDirectories(home.resolve("run"));
        long self = ProcessHandle.current().pid();
        Files.writeString(home.resolve("run/intake-2.pid"), self + "\n");
        Files.writeString(home.resolve("run/kafka.pid"), Long.toString(self));
        assertThat(new ProcessCpu(home, self).roots()).containsExactly(Map.entry("intake-2", self),
                Map.entry(ProcessCpu.POSTGRES, self), Map.entry(ProcessCpu.KAFKA, self), Map.entry(ProcessCpu.BENCH, self));
    }

    @Test
    void theBenchsOwnCpuGrowsWhileItWorks(@TempDir Path home) {
        ProcessCpu cpu = new ProcessCpu(home, null);
        CpuSnapshot before = cpu.snapshot();
        long spin = System.nanoTime() + 300_000_000L;
        double x = 0;
        while (System.nanoTime() < spin) {
            x += Math.sqrt(x + 1);
        }
        CpuSnapshot after = cpu.snapshot();
        assertThat(x).isPositive();
        assertThat(after.ticks().get(ProcessCpu.BENCH) - before.ticks().get(ProcessCpu.BENCH))
                .as("0.3 s spinning, in ticks of 1/%d s", ClockTicks.perSecond()).isGreaterThanOrEqualTo(10);
        assertThat(after.machine().busyTicks()).isGreaterThan(before.machine().busyTicks());
    }

    @Test
    void cpuPerReportAndHowMuchOfTheMachineItWas() {
        CpuSnapshot start = new CpuSnapshot(0, Map.of("intake", 1000L, "postgres", 500L, "kafka", 10L),
                new MachineCpu(10_000, 50_000));
        CpuSnapshot end = new CpuSnapshot(10_000_000_000L, Map.of("intake", 1500L, "postgres", 800L, "intake-2", 77L,
                "kafka", 110L), new MachineCpu(11_800, 52_000));
        CpuResult r = CpuResult.of(start, end, 200, 100, 2);
        assertThat(r.windowSeconds()).isEqualTo(10.0);
        assertThat(r.availableCpuSeconds()).isEqualTo(20.0);
        assertThat(r.cpuSeconds()).containsEntry("intake", 5.0).containsEntry("postgres", 3.0).containsEntry("kafka", 1.0)
                .as("started within the window").doesNotContainKey("intake-2");
        assertThat(r.cpuMsPerReport()).containsEntry("intake", 25.0).containsEntry("postgres", 15.0);
        assertThat(r.totalCpuSeconds()).isEqualTo(9.0);
        assertThat(r.totalCpuMsPerReport()).isEqualTo(45.0);
        assertThat(r.shareOfAvailable()).isEqualTo(0.45);
        assertThat(r.machineBusyCpuSeconds()).isEqualTo(18.0);
    }

    @Test
    void theMachinesBusyTimeLeavesIdleAndIowaitOut() {
        MachineCpu m = MachineCpu.parse("cpu  11853 7 5140 133604 171 3 323 2 0 0");
        assertThat(m.busyTicks()).isEqualTo(11853 + 7 + 5140 + 3 + 323 + 2);
        assertThat(m.totalTicks()).isEqualTo(m.busyTicks() + 133604 + 171);
    }
}
