package io.edgescope.topology;

/**
 * What the detection topology accepts, and when a real-time stream's frame is too old to process.
 *
 * @param maxFrameBytes largest encoded image
 * @param maxDecodedPixels largest declared width x height
 * @param maxAgeMillis a REALTIME stream skips a frame older than this when its turn comes; 0: older than
 *                     {@link #STALE_INTERVALS} frame intervals (a newer frame is already waiting)
 * @param maxFps a REALTIME stream skips frames captured faster than this (0: no cap)
 */
public record FrameLimits(int maxFrameBytes, long maxDecodedPixels, long maxAgeMillis, double maxFps) {

    /** Most header bytes (names and values) a frame may carry; headers are copied to its detections. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    /** Frame intervals after which a real-time stream's frame counts as superseded, when no max age is set. */
    public static final double STALE_INTERVALS = 1.5;

    public FrameLimits(int maxFrameBytes, long maxDecodedPixels) {
        this(maxFrameBytes, maxDecodedPixels, 0, 0);
    }

    public FrameLimits {
        if (maxFps < 0 || Double.isNaN(maxFps)) {
            throw new IllegalArgumentException("max fps must be 0 (no cap) or positive, got " + maxFps);
        }
    }

    /** Whether a frame captured at {@code capturedMillis} is stale at {@code nowMillis} on a stream of {@code intervalMillis} (NaN: unknown). */
    public boolean stale(long nowMillis, long capturedMillis, double intervalMillis) {
        long age = nowMillis - capturedMillis;
        if (maxAgeMillis > 0) {
            return age > maxAgeMillis;
        }
        return !Double.isNaN(intervalMillis) && age > STALE_INTERVALS * intervalMillis;
    }
}
