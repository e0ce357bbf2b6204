package io.edgescope.topology;

/** Why a real-time stream skipped a frame. */
public enum SkipReason {
    /** A newer frame was already waiting, or the frame was older than frames.max.age.ms. */
    STALE,
    /** The stream sent faster than frames.max.fps. */
    RATE
}
