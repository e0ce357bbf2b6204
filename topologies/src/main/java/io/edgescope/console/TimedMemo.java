package io.edgescope.console;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value computed at most once per period and shared by every caller in between (e.g. the console's overview, sent to every
 * open browser each second). A failed computation is not kept: the next caller tries again.
 */
public final class TimedMemo<T> {

    private final Supplier<T> compute;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private T value;
    private long computedAt;
    private boolean present;

    public TimedMemo(Supplier<T> compute, Duration period) {
        this(compute, period, System::nanoTime);
    }

    TimedMemo(Supplier<T> compute, Duration period, LongSupplier nanoTime) {
        this.compute = compute;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The value, computed now unless it was less than a period ago. */
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!present || now - computedAt >= periodNanos) {
            value = compute.get();
            computedAt = now;
            present = true;
        }
        return value;
    }
}
