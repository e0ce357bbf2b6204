package io.edgescope.topology;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import java.util.List;

/** Builds the published {@link Detections} record; shared by the topology and the offline {@code detect}. */
public final class DetectionRecords {

    private DetectionRecords() {
    }

    public static Detections of(Frame frame, BgrImage decoded, String variantId, DetectionResult result,
                                double processingMillis, long latencyMillis) {
        return Detections.newBuilder()
                .setStreamId(frame.getStreamId())
                .setSequence(frame.getSequence())
                .setCaptureTime(frame.getCaptureTime())
                .setFrameWidth(decoded.width())
                .setFrameHeight(decoded.height())
                .setVariantId(variantId)
                .setInferenceMillis((float) result.timings().inferenceMillis())
                .setProcessingMillis((float) processingMillis)
                .setLatencyMillis(latencyMillis)
                .setBoxes(toBoxes(result.detections()))
                .build();
    }

    public static List<BoundingBox> toBoxes(List<Detection> detections) {
        return detections.stream().map(d -> BoundingBox.newBuilder()
                .setClassId(d.classId()).setLabel(d.label()).setScore(d.score())
                .setX(d.x()).setY(d.y()).setWidth(d.width()).setHeight(d.height()).build()).toList();
    }

    public static List<Detection> fromBoxes(List<BoundingBox> boxes) {
        return boxes.stream().map(b -> new Detection(b.getClassId(), b.getLabel(), b.getScore(), b.getX(), b.getY(),
                b.getWidth(), b.getHeight())).toList();
    }
}
