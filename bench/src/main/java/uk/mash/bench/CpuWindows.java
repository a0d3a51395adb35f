package uk.mash.bench;

/**
 * latest.json's {@code cpu}: the CPU per process over the pipeline window (first send to drained)
 * and over the latency phase (its reports, then their decisions and referrals).
 */
record CpuWindows(CpuResult pipeline, CpuResult latency) {
}
