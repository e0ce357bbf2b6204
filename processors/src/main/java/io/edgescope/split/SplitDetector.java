package io.edgescope.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.StageTimings;
import io.edgescope.detect.yolox.YoloxDecoder;

/**
 * Head, transfer layer and tail in one process: the {@link Detector} port for a split plan, used to
 * measure what a cut and a transfer layer cost in accuracy and bytes, and to run a plan where
 * device and edge share a host. Not thread-safe; one per thread.
 */
public final class SplitDetector implements Detector {

    private final String variantId;
    private final SplitHead head;
    private final SplitTail tail;
    private long lastPayloadBytes;

    public SplitDetector(String variantId, SplitModel model, TransferLayer layer, int inputSize, float scoreThreshold, float nmsIou,
                         int threads) {
        this.variantId = variantId;
        this.head = new SplitHead(model, layer, inputSize, threads);
        this.tail = new SplitTail(model, layer, inputSize, new YoloxDecoder(inputSize, CocoLabels.names(), scoreThreshold), nmsIou, threads);
    }

    @Override
    public String variantId() {
        return variantId;
    }

    @Override
    public DetectionResult detect(BgrImage image) {
        SplitHead.Output sent = head.run(image);
        lastPayloadBytes = sent.payload().length;
        DetectionResult r = tail.run(sent.payload(), sent.frameWidth(), sent.frameHeight());
        return new DetectionResult(r.detections(), new StageTimings(sent.computeMillis() + sent.encodeMillis(),
                r.timings().preprocessMillis() + r.timings().inferenceMillis(), r.timings().postprocessMillis()));
    }

    /** Bytes the last frame sent across the cut. */
    public long lastPayloadBytes() {
        return lastPayloadBytes;
    }

    @Override
    public void close() {
        head.close();
        tail.close();
    }
}
