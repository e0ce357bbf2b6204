package io.edgescope.detect;

import java.util.List;

/** A detector's answer for one image: boxes (highest score first) and per-stage timings. */
public record DetectionResult(List<Detection> detections, StageTimings timings) {
    public DetectionResult {
        detections = List.copyOf(detections);
    }
}
