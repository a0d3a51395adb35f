package uk.mash.bench;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the run was asked to do: latest.json's {@code settings}. */
record BenchSettings(int durationSeconds, Rate rate, int inFlight, double latencyRate, int latencyDurationSeconds,
                     int baselineDurationSeconds, int warmupSeconds) {

    /** The pipeline's rate: reports a second, or "max" (as fast as the requests in flight allow). */
    record Rate(Double perSecond) {

        static final Rate MAX = new Rate(null);

        boolean max() {
            return perSecond == null;
        }

        /** 0 for the pacer: no schedule, every request due at once. */
        double pacerRate() {
            return max() ? 0 : perSecond;
        }

        @JsonValue
        Object json() {
            return max() ? "max" : perSecond;
        }
    }
}
