package uk.mash.bench;

/**
 * How far the pipeline's reports got once the load stopped ({@link BenchDrain}).
 *
 * @param casesOpened          of the accepted reports, those whose case event was seen
 * @param auditEntriesAppended entries audit's log grew by
 * @param drained              whether every report had its case and audit's log stopped growing in time
 * @param auditPollMaxMs       the slowest poll of audit's head
 * @param rates                the stages' completion rates over the window
 */
record PipelineDrain(long casesOpened, long auditEntriesAppended, boolean drained, long auditPollMaxMs,
                     BenchPipeline rates) {
}
