package uk.mash.bench;

import java.util.Map;

/**
 * How the generated log was made, when this run made it ({@link BenchScratchLog#generate}).
 *
 * @param types entries per ce_type
 */
record LogGeneration(double seconds, double copySeconds, double vacuumSeconds, double averageDataChars,
                     Map<String, Long> types) {
}
