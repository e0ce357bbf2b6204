package io.edgescope.topology;

import io.edgescope.detect.DetectionResult;
import io.edgescope.schemas.Activation;
import io.edgescope.schemas.Detections;

/** Detections of a split stream's frame, built from its activation record. */
public final class SplitRecords {

    static final double NANOS_PER_MILLI = 1_000_000.0;
    /** Header on an activation: when the device began on its frame (epoch ms, decimal). */
    public static final String DEVICE_IN_HEADER = "edgescope.split.device-in";
    /** Header on an activation: when the device sent it (epoch ms, decimal). */
    public static final String DEVICE_OUT_HEADER = "edgescope.split.device-out";
    /** Header on a split stream's detections: ms from the frame's capture to the device beginning on it (the frame's way to the device). */
    public static final String FRAME_WAIT_HEADER = "edgescope.split.frame-wait-ms";
    /** Header on a split stream's detections: ms from the device sending the activation to the edge beginning on it (its way through Kafka). */
    public static final String ACTIVATION_WAIT_HEADER = "edgescope.split.activation-wait-ms";

    private SplitRecords() {
    }

    /** A header value of epoch milliseconds or a duration, as decimal text. */
    static byte[] millis(long value) {
        return Long.toString(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The decimal milliseconds of header {@code name}, or empty when absent or not a number. */
    public static java.util.OptionalLong millis(org.apache.kafka.common.header.Headers headers, String name) {
        org.apache.kafka.common.header.Header h = headers.lastHeader(name);
        if (h == null || h.value() == null) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
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
