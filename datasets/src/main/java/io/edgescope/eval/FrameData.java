package io.edgescope.eval;

import java.util.List;

/** Ground truth and detections of one frame. */
public record FrameData(int frame, List<GtBox> truth, List<ScoredBox> detections) {
    public FrameData {
        truth = List.copyOf(truth);
        detections = List.copyOf(detections);
    }
}
