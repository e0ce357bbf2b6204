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
 * @param recall50BySize recall at IoU 0.5 per size bucket; NaN where the bucket has no ground truth
 * @param precision50BySize share of the bucket's counted detections that match ground truth at IoU 0.5; NaN where the bucket has no ground truth or no detection
 */
public record ApResult(double ap50, double ap, Map<String, Double> ap50BySize, Map<String, Double> apBySize,
                       double recall50, int groundTruth, int detections, Map<String, Double> recall50BySize,
                       Map<String, Double> precision50BySize) {

    /** A result without recall or precision per size. */
    public ApResult(double ap50, double ap, Map<String, Double> ap50BySize, Map<String, Double> apBySize, double recall50,
                    int groundTruth, int detections) {
        this(ap50, ap, ap50BySize, apBySize, recall50, groundTruth, detections, Map.of(), Map.of());
    }
}
