package io.edgescope.eval;

import java.util.Map;

/**
 * Average precision of one evaluation.
 *
 * @param ap50 AP at IoU 0.5 (all sizes)
 * @param ap COCO AP, mean over IoU 0.50:0.05:0.95 (all sizes)
 * @param ap50BySize AP50 per size bucket; NaN where the bucket has no ground truth
 * @param apBySize AP per size bucket; NaN where the bucket has no ground truth
 * @param recall50 recall at IoU 0.5 with all detections (all sizes)
 */
public record ApResult(double ap50, double ap, Map<String, Double> ap50BySize, Map<String, Double> apBySize,
                       double recall50, int groundTruth, int detections) {
}
