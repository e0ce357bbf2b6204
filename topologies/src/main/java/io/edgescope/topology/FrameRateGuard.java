package io.edgescope.topology;

/**
 * One stream's frame-rate cap, a token bucket over capture time: at most {@code maxFps} frames a
 * second on average, with a burst of {@link #BURST_FRAMES} so a camera at exactly the cap keeps
 * every frame despite jitter. A capture time going back (a camera restarted) refills the bucket.
 * Not thread-safe: one per stream, on its stream thread.
 */
final class FrameRateGuard {

    /** Frames a stream may send back to back after a pause. */
    static final double BURST_FRAMES = 2.0;
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final double framesPerMilli;
    private double tokens = BURST_FRAMES;
    private long lastMillis = Long.MIN_VALUE;

    FrameRateGuard(double maxFps) {
        if (!(maxFps > 0)) {
            throw new IllegalArgumentException("max fps must be positive, got " + maxFps);
        }
        this.framesPerMilli = maxFps / MILLIS_PER_SECOND;
    }

    /** Whether a frame captured at {@code capturedMillis} fits the cap (and takes its place in it). */
    boolean admit(long capturedMillis) {
        if (lastMillis == Long.MIN_VALUE || capturedMillis < lastMillis) {
            tokens = BURST_FRAMES;
        } else {
            tokens = Math.min(BURST_FRAMES, tokens + (capturedMillis - lastMillis) * framesPerMilli);
        }
        lastMillis = capturedMillis;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
