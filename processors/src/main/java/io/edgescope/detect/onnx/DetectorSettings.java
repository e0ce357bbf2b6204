package io.edgescope.detect.onnx;

/**
 * How a YOLOX detector runs.
 *
 * @param scoreThreshold minimum objectness x class score kept
 * @param nmsIou IoU above which a lower-scoring box of the same class is suppressed
 * @param intraOpThreads ONNX Runtime threads per inference
 * @param spinning whether idle ONNX Runtime workers busy-wait (faster alone, slower beside other busy threads)
 */
public record DetectorSettings(float scoreThreshold, float nmsIou, int intraOpThreads, boolean spinning) {

    public static final float DEFAULT_SCORE_THRESHOLD = 0.3f;
    public static final float DEFAULT_NMS_IOU = 0.45f;

    public DetectorSettings {
        if (scoreThreshold < 0f || scoreThreshold > 1f) {
            throw new IllegalArgumentException("score threshold must be in [0, 1], got " + scoreThreshold);
        }
        if (nmsIou <= 0f || nmsIou > 1f) {
            throw new IllegalArgumentException("NMS IoU must be in (0, 1], got " + nmsIou);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + intraOpThreads);
        }
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(DEFAULT_SCORE_THRESHOLD, DEFAULT_NMS_IOU, Runtime.getRuntime().availableProcessors(), false);
    }
}
