package io.edgescope.roma;

import java.util.List;

/**
 * Picks the variant for a stream's next frame, told what happened on each processed frame. ROMA is
 * one; the baselines it is compared with are others. Mutable, one per stream.
 */
public interface SelectionPolicy {

    /** Short name for tables, e.g. "roma" or "fixed:yolox-nano-416". */
    String name();

    /** The variant to run on the next frame of a stream whose frames come every {@code intervalMillis}. */
    String next(double intervalMillis);

    /** The detector starts on the frame {@link #next} chose (a policy that measures what its detections run beside marks it). */
    default void detecting() {
    }

    /**
     * A processed frame: the variant that ran, its boxes, the frame's size and index, its detector's latency, and the time the
     * stream spent on the frame besides the detector ({@code overheadMillis}: decoding it and the like, the same whichever
     * variant runs), which delays the result as much as the detector does.
     */
    void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                 double overheadMillis);
}
