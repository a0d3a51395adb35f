package uk.mash.bench;

import java.util.Map;

/**
 * The CPU the stack's processes had used by one moment, in clock ticks.
 *
 * @param nanoTime when it was taken
 * @param ticks    name (intake, intake-2, ..., postgres, kafka, bench) → its process tree's ticks so far
 * @param machine  the whole machine's, for how busy it was
 */
record CpuSnapshot(long nanoTime, Map<String, Long> ticks, MachineCpu machine) {
}
