package uk.mash.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import uk.mash.platform.ServiceCatalog;

/**
 * What the pipeline and latency windows cost (issue 16): CPU per process over each
 * ({@link ProcessCpu}), and over the pipeline the rows and records it caused, for the physical
 * floor ({@link FloorResult}). The bench calls it at each window's edges.
 */
final class BenchCostMeter {

    private final ProcessCpu processes;
    private final long ticksPerSecond = ClockTicks.perSecond();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final String kafka;
    private final Connection superuser;
    private final List<String> databases;
    private final PrintStream out;
    private final String synchronousCommit;
    private final String fsync;
    private final List<String> overrides;

    private CpuSnapshot pipelineStart;
    private CpuSnapshot pipelineEnd;
    private CpuSnapshot latencyStart;
    private CpuSnapshot latencyEnd;
    private FloorCounts floorStart;
    private FloorCounts floorEnd;

    /**
     * @param superuser a superuser connection to the measured server (any of its databases)
     * @param auditDb   audit's database: the others are named as it is, with their service's name for "audit"
     */
    BenchCostMeter(Path home, String kafka, Connection superuser, String auditDb, PrintStream out) throws Exception {
        this.processes = new ProcessCpu(home, PostgresStats.postmasterPid(superuser));
        this.kafka = kafka;
        this.superuser = superuser;
        this.databases = serviceDatabases(auditDb);
        this.out = out;
        this.synchronousCommit = PostgresStats.show(superuser, "synchronous_commit");
        this.fsync = PostgresStats.show(superuser, "fsync");
        this.overrides = PostgresStats.durabilityOverrides(superuser);
        String warning = floor(0, new Baselines(0, 0), null).warning();
        if (warning != null) {
            out.println("  " + warning);
        }
    }

    /** The services' databases, named like audit's: "audit" → intake, screening, ...; "e2e_audit" → e2e_intake, ... */
    static List<String> serviceDatabases(String auditDb) {
        String audit = ServiceCatalog.AUDIT.name();
        String prefix = auditDb.endsWith(audit) ? auditDb.substring(0, auditDb.length() - audit.length()) : "";
        return ServiceCatalog.SERVICES.stream().filter(ServiceCatalog::hasDatabase)
                .map(s -> s.equals(ServiceCatalog.AUDIT) ? auditDb : prefix + s.name()).toList();
    }

    /** With the stack idle after the warm-up: the floor's counts once settled, then the CPU's. */
    void pipelineStarting() throws Exception {
        floorStart = settledCounts();
        pipelineStart = processes.snapshot();
    }

    /** The pipeline drained: the CPU's now, then the floor's counts once settled (before anything else is asked). */
    void pipelineDrained() throws Exception {
        pipelineEnd = processes.snapshot();
        floorEnd = settledCounts();
    }

    void latencyStarting() {
        latencyStart = processes.snapshot();
    }

    void latencyDone() {
        latencyEnd = processes.snapshot();
    }

    CpuWindows cpu(long pipelineReports, long latencyReports) {
        return new CpuWindows(
                pipelineEnd == null ? null : CpuResult.of(pipelineStart, pipelineEnd, pipelineReports, ticksPerSecond, cores),
                latencyEnd == null ? null : CpuResult.of(latencyStart, latencyEnd, latencyReports, ticksPerSecond, cores));
    }

    FloorResult floor(long reports, Baselines baselines, Double reportsPerSecond) {
        FloorCounts none = new FloorCounts(0, 0);
        return FloorResult.of(reports, databases, floorStart == null ? none : floorStart,
                floorEnd == null ? none : floorEnd, baselines, reportsPerSecond, synchronousCommit, fsync, overrides);
    }

    private FloorCounts settledCounts() throws Exception {
        out.printf("  floor: %d s idle for PostgreSQL's statistics to settle, then counting rows and records%n",
                PostgresStats.SETTLE_MILLIS / 1000);
        Thread.sleep(PostgresStats.SETTLE_MILLIS);
        return new FloorCounts(PostgresStats.rowsChanged(superuser, databases), TopicOffsets.endOffsetsSum(kafka));
    }
}
