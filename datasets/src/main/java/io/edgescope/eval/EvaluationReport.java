package io.edgescope.eval;

/**
 * What {@code edgescope evaluate} reports for one sequence.
 *
 * @param variant the detector variant scored (or the detections file's name)
 * @param offline AP with every frame's own detections
 * @param realtime AP of what a viewer sees in real time (null when not asked for)
 * @param droppedFraction frames the detector never ran on, in the real-time replay (0 offline)
 * @param meanStalenessFrames mean age in frames of the boxes shown, in the real-time replay (0 offline)
 * @param pseudoGroundTruthBy the detector whose boxes stand in for labels, or null for human labels
 */
public record EvaluationReport(String sequence, String variant, int frames, ApResult offline, ApResult realtime,
                               double droppedFraction, double meanStalenessFrames, String pseudoGroundTruthBy) {

    /** One line saying what the ground truth is, for every report. */
    public String groundTruthNote() {
        return pseudoGroundTruthBy == null ? "labelled ground truth"
                : "PSEUDO ground truth: the boxes of " + pseudoGroundTruthBy + ", not human labels";
    }
}
