package uk.mash.bench;

import java.util.Map;

/**
 * latest.json's {@code pipeline}: reports through intake, screening and audit as fast as allowed (or
 * at a rate), a report counting once all three are done with it ({@link BenchPipeline}).
 *
 * @param httpStatuses        intake's answers by HTTP status
 * @param casesListTotalDelta how much screening's case list total grew over the phase
 */
record PipelineResult(Double reportsPerSecond, Double baselineRatio, long reportsSent, long reportsAccepted,
                      long reportsFailed, Map<Integer, Long> httpStatuses, long casesOpened, long auditEntriesAppended,
                      Double auditEntriesPerReport, long completedReports, double windowSeconds,
                      Double acceptedPerSecond, Double casesOpenedPerSecond, Double auditReportsPerSecond,
                      boolean drained, long auditPollMaxMs, String auditPolledAs, Boolean auditVerified,
                      long casesListTotalDelta, double kafkaBaselinePerSecond, double jdbcBaselinePerSecond) {

    static final String AUDIT_POLLED_AS =
            "max(sequence) of audit_entries in audit's database (superuser JDBC), every 0.5 s after the load";

    static PipelineResult of(LoadResult load, PipelineDrain drain, Boolean auditVerified, long casesListTotalDelta,
                             Baselines baselines) {
        BenchPipeline p = drain.rates();
        return new PipelineResult(p.reportsPerSecond(),
                BenchPipeline.baselineRatio(p.reportsPerSecond(), baselines.kafkaPerSecond(), baselines.jdbcPerSecond()),
                load.sent(), load.accepted(), load.failed(), load.statuses(), drain.casesOpened(),
                drain.auditEntriesAppended(),
                load.accepted() == 0 ? null : (double) drain.auditEntriesAppended() / load.accepted(),
                p.completed(), p.windowSeconds(), p.acceptedPerSecond(), p.casesPerSecond(), p.auditPerSecond(),
                drain.drained(), drain.auditPollMaxMs(), AUDIT_POLLED_AS, auditVerified, casesListTotalDelta,
                baselines.kafkaPerSecond(), baselines.jdbcPerSecond());
    }
}
