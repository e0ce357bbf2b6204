package io.edgescope.topology;

/**
 * A stream's frame interval: from its profile's target rate when set, else learnt from capture
 * times (time between frames divided by the sequence numbers between them, smoothed). Mutable; one
 * per stream.
 */
final class FrameInterval {

    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final double SMOOTHING = 0.1;

    private long lastCapture = Long.MIN_VALUE;
    private long lastSequence;
    private double learnt = Double.NaN;

    /** Records a frame's capture time and sequence; returns the interval to use, NaN while unknown. */
    double update(long captureMillis, long sequence, float targetFps) {
        if (lastCapture != Long.MIN_VALUE && sequence > lastSequence && captureMillis >= lastCapture) {
            double sample = (captureMillis - lastCapture) / (double) (sequence - lastSequence);
            learnt = Double.isNaN(learnt) ? sample : learnt + SMOOTHING * (sample - learnt);
        }
        if (sequence >= lastSequence || lastCapture == Long.MIN_VALUE) {
            lastCapture = captureMillis;
            lastSequence = sequence;
        }
        return targetFps > 0 ? MILLIS_PER_SECOND / targetFps : learnt;
    }
}
