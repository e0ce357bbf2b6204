package io.edgescope.detect.yolox;

import io.edgescope.detect.Detection;
import io.edgescope.detect.OutputDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes YOLOX's raw head output, as exported with {@code decode_in_inference=False}: rows level by
 * level for strides 8, 16, 32, row-major within a level; each row {@code x, y, w, h, objectness,
 * class scores...} with objectness and class scores already sigmoid-activated. Boxes come out in
 * the pixels of the (letterboxed) network input.
 */
public final class YoloxDecoder implements OutputDecoder {

    /** Strides of YOLOX's three detection levels. */
    public static final int[] STRIDES = {8, 16, 32};
    /** x, y, w, h, objectness before the class scores. */
    public static final int BOX_FIELDS = 5;
    private static final int OBJECTNESS = 4;

    private final int inputSize;
    private final List<String> labels;
    private final float scoreThreshold;

    public YoloxDecoder(int inputSize, List<String> labels, float scoreThreshold) {
        this.inputSize = inputSize;
        this.labels = List.copyOf(labels);
        this.scoreThreshold = scoreThreshold;
    }

    /** Rows the model outputs at {@code inputSize}: the sum over strides of (size / stride)^2. */
    public static int rowCount(int inputSize) {
        int rows = 0;
        for (int stride : STRIDES) {
            int cells = inputSize / stride;
            rows += cells * cells;
        }
        return rows;
    }

    public int rowWidth() {
        return BOX_FIELDS + labels.size();
    }

    /** Candidates whose score (objectness x best class score) reaches the threshold, before NMS. */
    @Override
    public List<Detection> decode(float[] output) {
        int width = rowWidth();
        int expected = rowCount(inputSize) * width;
        if (output.length != expected) {
            throw new IllegalArgumentException("YOLOX output at " + inputSize + " should have " + expected
                    + " values (" + rowCount(inputSize) + " x " + width + "), got " + output.length);
        }
        List<Detection> out = new ArrayList<>();
        int row = 0;
        for (int stride : STRIDES) {
            int cells = inputSize / stride;
            for (int gy = 0; gy < cells; gy++) {
                for (int gx = 0; gx < cells; gx++, row++) {
                    int base = row * width;
                    float objectness = output[base + OBJECTNESS];
                    if (objectness < scoreThreshold) {
                        continue;
                    }
                    int bestClass = 0;
                    float bestScore = output[base + BOX_FIELDS];
                    for (int c = 1; c < labels.size(); c++) {
                        float s = output[base + BOX_FIELDS + c];
                        if (s > bestScore) {
                            bestScore = s;
                            bestClass = c;
                        }
                    }
                    float score = objectness * bestScore;
                    if (score < scoreThreshold) {
                        continue;
                    }
                    float cx = (output[base] + gx) * stride;
                    float cy = (output[base + 1] + gy) * stride;
                    float w = (float) Math.exp(output[base + 2]) * stride;
                    float h = (float) Math.exp(output[base + 3]) * stride;
                    out.add(new Detection(bestClass, labels.get(bestClass), score, cx - w / 2, cy - h / 2, w, h));
                }
            }
        }
        return out;
    }
}
