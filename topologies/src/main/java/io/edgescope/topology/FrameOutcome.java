package io.edgescope.topology;

import io.edgescope.schemas.Detections;
import io.edgescope.schemas.RomaDecision;

/**
 * What happened to one frame in the detector processor: its detections, or that it was skipped as
 * stale; plus the ROMA decision taken after it, if any. Internal to the topology (never serialised).
 *
 * @param policy the stream's policy
 * @param detections null when the frame was skipped
 * @param decision null when no decision was taken
 */
record FrameOutcome(String policy, Detections detections, RomaDecision decision) {

    boolean skipped() {
        return detections == null;
    }
}
