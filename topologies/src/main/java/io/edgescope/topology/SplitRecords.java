package io.edgescope.topology;

import io.edgescope.detect.DetectionResult;
import io.edgescope.schemas.Activation;
import io.edgescope.schemas.Detections;

/** Detections of a split stream's frame, built from its activation record. */
final class SplitRecords {

    static final double NANOS_PER_MILLI = 1_000_000.0;

    private SplitRecords() {
    }

    /** {@code processingMillis} = device head + encode + edge tail; {@code inferenceMillis} = the tail's inference. */
    static Detections detections(Activation a, String variantId, DetectionResult result, double edgeMillis, long latencyMillis) {
        return Detections.newBuilder().setStreamId(a.getStreamId()).setSequence(a.getSequence()).setCaptureTime(a.getCaptureTime())
                .setFrameWidth(a.getFrameWidth()).setFrameHeight(a.getFrameHeight()).setVariantId(variantId)
                .setInferenceMillis((float) result.timings().inferenceMillis())
                .setProcessingMillis((float) (a.getHeadMillis() + a.getEncodeMillis() + edgeMillis)).setLatencyMillis(latencyMillis)
                .setBoxes(DetectionRecords.toBoxes(result.detections())).build();
    }
}
