package uk.mash.bench;

/**
 * When the i-th request of a fixed-rate run is due: {@code start + i / rate}, so a late request
 * never shifts the schedule of the ones after it (no coordinated omission in the offered load).
 * A rate of zero or less means "as fast as allowed": every request is due at once.
 */
final class BenchPacer {

    private final long startNanos;
    private final double rate;

    BenchPacer(long startNanos, double rate) {
        this.startNanos = startNanos;
        this.rate = rate;
    }

    boolean unlimited() {
        return rate <= 0;
    }

    /** The nanoTime at which request {@code index} (0-based) is due. */
    long dueNanos(long index) {
        if (unlimited()) {
            return startNanos;
        }
        return startNanos + (long) Math.floor(index * 1_000_000_000d / rate);
    }

    /** Nanoseconds to wait from {@code nowNanos} before request {@code index}; 0 when it is due or late. */
    long waitNanos(long index, long nowNanos) {
        return Math.max(0, dueNanos(index) - nowNanos);
    }
}
