package io.edgescope.ingest;

/**
 * Spaces frames at a target rate without drift: frame i is due at start + i / fps. A rate of 0
 * means as fast as possible.
 */
final class Pacer {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final double fps;
    private final long startNanos;

    Pacer(double fps, long startNanos) {
        this.fps = fps;
        this.startNanos = startNanos;
    }

    /** Nanoseconds to wait (0 or more) before sending frame {@code index}, given the time now. */
    long waitNanos(long index, long nowNanos) {
        if (fps <= 0) {
            return 0;
        }
        long due = startNanos + (long) (index * NANOS_PER_SECOND / fps);
        return Math.max(0, due - nowNanos);
    }

    void await(long index) throws InterruptedException {
        long wait = waitNanos(index, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / NANOS_PER_MILLI, (int) (wait % NANOS_PER_MILLI));
        }
    }
}
