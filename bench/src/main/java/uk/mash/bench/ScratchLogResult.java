package uk.mash.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * latest.json's {@code auditLog}: the generated log the replay and integrity ran on.
 *
 * @param reused     whether an earlier run's log was used again
 * @param generation how this run made it; absent when reused
 * @param madeAt     when it was made (by this run or an earlier one)
 */
record ScratchLogResult(String database, long entries, double instanceStartSeconds, boolean reused,
                        @JsonInclude(JsonInclude.Include.NON_NULL) LogGeneration generation,
                        Instant madeAt, Double generationSeconds, double tableMb, double indexesMb,
                        double averageRowBytes) {
}
