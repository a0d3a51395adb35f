package uk.mash.bench;

/**
 * The pipeline's completion rates over one window, all measured from the first send. A report is
 * complete when it was accepted by intake, its case opened (or it was linked to one) in screening
 * and its entries were appended in audit; the completed count is the least of the three stages and
 * the window ends at the last completion of any stage (so a backlog that drains after the load
 * stopped counts against the rate, not for it).
 *
 * @param accepted          reports intake answered 202
 * @param casesOpened       of those, reports seen on mash.case-events as opened or linked
 * @param auditReports      audit entries appended, in reports (entries / entries per report)
 * @param acceptedSeconds   first send to last 202
 * @param casesSeconds      first send to the last case event of ours
 * @param auditSeconds      first send to the audit poll that saw the last of those entries
 */
record BenchPipeline(long accepted, long casesOpened, long auditReports, double acceptedSeconds, double casesSeconds,
                     double auditSeconds) {

    long completed() {
        return Math.min(accepted, Math.min(casesOpened, auditReports));
    }

    double windowSeconds() {
        return Math.max(acceptedSeconds, Math.max(casesSeconds, auditSeconds));
    }

    static Double rate(long count, double seconds) {
        return seconds > 0 ? count / seconds : null;
    }

    Double acceptedPerSecond() {
        return rate(accepted, acceptedSeconds);
    }

    Double casesPerSecond() {
        return rate(casesOpened, casesSeconds);
    }

    Double auditPerSecond() {
        return rate(auditReports, auditSeconds);
    }

    /** Completed reports over the whole window, first send to last completion. */
    Double reportsPerSecond() {
        return rate(completed(), windowSeconds());
    }

    /** pipeline rate / the slower of the raw baselines; null when either side is unknown. */
    static Double baselineRatio(Double pipeline, Double kafka, Double jdbc) {
        if (pipeline == null || kafka == null || jdbc == null || Math.min(kafka, jdbc) <= 0) {
            return null;
        }
        return pipeline / Math.min(kafka, jdbc);
    }
}
