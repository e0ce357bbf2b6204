package io.edgescope.split;

import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Letterbox;
import io.edgescope.detect.Nms;
import io.edgescope.detect.StageTimings;
import io.edgescope.detect.yolox.YoloxDecoder;
import java.util.HashSet;
import java.util.List;

/**
 * The edge side of a split YOLOX detector: decode the transfer layer's payload, check it carries
 * exactly the tensors the tail expects, run the tail, decode boxes and map them back to the frame.
 * One per thread.
 */
public final class SplitTail implements AutoCloseable {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final SplitModel model;
    private final TransferLayer layer;
    private final OrtModelRunner tail;
    private final YoloxDecoder decoder;
    private final int inputSize;
    private final float nmsIou;

    public SplitTail(SplitModel model, TransferLayer layer, int inputSize, YoloxDecoder decoder, float nmsIou, int threads) {
        this(model, layer, inputSize, decoder, nmsIou, threads, false);
    }

    /** @param spinning let idle ONNX Runtime workers busy-wait for work */
    public SplitTail(SplitModel model, TransferLayer layer, int inputSize, YoloxDecoder decoder, float nmsIou, int threads, boolean spinning) {
        this.model = model;
        this.layer = layer;
        this.inputSize = inputSize;
        this.decoder = decoder;
        this.nmsIou = nmsIou;
        this.tail = new OrtModelRunner(model.tail(), threads, spinning);
    }

    /** Detections for a frame of {@code width x height} whose head output is {@code payload}. Bad payloads are refused with the reason. */
    public DetectionResult run(byte[] payload, int width, int height) {
        long t0 = System.nanoTime();
        List<Activation> crossing = layer.decode(payload);
        if (!new HashSet<>(crossing.stream().map(Activation::name).toList()).equals(new HashSet<>(model.cut().tensors()))) {
            throw new IllegalArgumentException("Activation tensors " + crossing + " do not match cut " + model.cut().id() + " "
                    + model.cut().tensors());
        }
        long t1 = System.nanoTime();
        float[] output = tail.run(crossing).get(0).values();
        long t2 = System.nanoTime();
        Letterbox box = Letterbox.of(width, height, inputSize);
        List<Detection> kept = Nms.classWise(decoder.decode(output), nmsIou).stream().map(box::toSource).toList();
        long t3 = System.nanoTime();
        return new DetectionResult(kept, new StageTimings((t1 - t0) / NANOS_PER_MILLI, (t2 - t1) / NANOS_PER_MILLI,
                (t3 - t2) / NANOS_PER_MILLI));
    }

    @Override
    public void close() {
        tail.close();
    }
}
