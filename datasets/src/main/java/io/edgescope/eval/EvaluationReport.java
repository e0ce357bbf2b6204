package io.edgescope.eval;

/**
 * What {@code edgescope evaluate} reports for one sequence.
 *
 * @param offline AP with every frame's own detections
 * @param realtime AP of what a viewer sees in real time (null when not asked for)
 * @param droppedFraction frames the detector never ran on, in the real-time replay (0 offline)
 * @param meanStalenessFrames mean age in frames of the boxes shown, in the real-time replay (0 offline)
 */
public record EvaluationReport(String sequence, int frames, ApResult offline, ApResult realtime, double droppedFraction,
                               double meanStalenessFrames) {
}
