package io.edgescope.split;

/**
 * A device slower than this host, emulated: after a part of the work, the thread stays busy for the extra time a device
 * {@code slowdown} times slower would have needed. Busy, not asleep — a slow device computes all that time, and a core
 * left idle instead comes back slower (caches, clock), which skews whatever runs next.
 */
public record EmulatedDevice(double slowdown) {

    /** This host as it is. */
    public static final EmulatedDevice NONE = new EmulatedDevice(1);

    public EmulatedDevice {
        if (!(slowdown >= 1) || !Double.isFinite(slowdown)) {
            throw new IllegalArgumentException("an emulated device's slowdown must be at least 1, not " + slowdown);
        }
    }

    /** Keeps the thread busy until the work begun at {@code startNanos} ({@link System#nanoTime()}) has taken {@code slowdown} times as long. */
    public void stretch(long startNanos) {
        long until = startNanos + (long) ((System.nanoTime() - startNanos) * slowdown);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
