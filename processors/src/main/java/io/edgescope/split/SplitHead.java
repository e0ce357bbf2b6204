package io.edgescope.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.yolox.YoloxPreprocessor;
import java.util.List;

/**
 * The device side of a split YOLOX detector: letterbox the frame, run the head, encode what crosses
 * the cut with the transfer layer. One per thread.
 */
public final class SplitHead implements AutoCloseable {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /**
     * A frame's payload for the edge.
     *
     * @param payload the transfer layer's bytes
     * @param computeMillis preprocessing and head inference
     * @param encodeMillis transfer-layer encoding
     */
    public record Output(byte[] payload, int frameWidth, int frameHeight, double computeMillis, double encodeMillis) {
    }

    private final TransferLayer layer;
    private final YoloxPreprocessor preprocessor;
    private final OrtModelRunner head;
    private final String inputName;
    private final int inputSize;
    private final float[] tensor;

    public SplitHead(SplitModel model, TransferLayer layer, int inputSize, int threads) {
        this(model, layer, inputSize, threads, false);
    }

    /** @param spinning let idle ONNX Runtime workers busy-wait for work */
    public SplitHead(SplitModel model, TransferLayer layer, int inputSize, int threads, boolean spinning) {
        this.layer = layer;
        this.inputSize = inputSize;
        this.preprocessor = new YoloxPreprocessor(inputSize);
        this.head = new OrtModelRunner(model.head(), threads, spinning);
        this.inputName = head.inputNames().get(0);
        this.tensor = new float[preprocessor.tensorLength()];
    }

    public Output run(BgrImage frame) {
        long t0 = System.nanoTime();
        preprocessor.preprocess(frame, tensor);
        List<Activation> crossing = head.run(List.of(new Activation(inputName, new long[] {1, BgrImage.CHANNELS, inputSize, inputSize},
                tensor)));
        long t1 = System.nanoTime();
        byte[] payload = layer.encode(crossing);
        long t2 = System.nanoTime();
        return new Output(payload, frame.width(), frame.height(), (t1 - t0) / NANOS_PER_MILLI, (t2 - t1) / NANOS_PER_MILLI);
    }

    @Override
    public void close() {
        head.close();
    }
}
