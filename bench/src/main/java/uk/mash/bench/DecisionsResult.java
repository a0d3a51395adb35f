package uk.mash.bench;

import java.util.Map;

/**
 * What {@link BenchDecisions} did.
 *
 * @param decidedAt  caseId → nanoTime the decision's 200 arrived
 * @param firstError the first failure, for the progress output (null if none)
 */
record DecisionsResult(long sent, long recorded, long failed, Map<String, Long> decidedAt, String firstError) {
}
