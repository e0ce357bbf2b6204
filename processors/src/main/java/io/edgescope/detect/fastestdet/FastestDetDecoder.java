package io.edgescope.detect.fastestdet;

import io.edgescope.detect.Detection;
import io.edgescope.detect.OutputDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes FastestDet's single-scale output {@code [1, 5 + C, G, G]} (channel-major): channel 0
 * objectness (activated), 1-2 the box centre offset in its cell (tanh), 3-4 the box size relative to
 * the image (sigmoid), then class probabilities (activated). Score = objectness^0.6 x class^0.4, as
 * upstream. Boxes come out in network-input pixels.
 */
public final class FastestDetDecoder implements OutputDecoder {

    private static final int BOX_FIELDS = 5;
    private static final double OBJECTNESS_WEIGHT = 0.6;
    private static final double CLASS_WEIGHT = 0.4;

    private final int inputSize;
    private final List<String> labels;
    private final float scoreThreshold;

    public FastestDetDecoder(int inputSize, List<String> labels, float scoreThreshold) {
        this.inputSize = inputSize;
        this.labels = List.copyOf(labels);
        this.scoreThreshold = scoreThreshold;
    }

    @Override
    public List<Detection> decode(float[] output) {
        int channels = BOX_FIELDS + labels.size();
        int cells = output.length / channels;
        int grid = (int) Math.round(Math.sqrt(cells));
        if (grid * grid * channels != output.length) {
            throw new IllegalArgumentException("FastestDet output should be " + channels + " x G x G values, got " + output.length);
        }
        List<Detection> out = new ArrayList<>();
        for (int gy = 0; gy < grid; gy++) {
            for (int gx = 0; gx < grid; gx++) {
                int cell = gy * grid + gx;
                float objectness = output[cell];
                int best = 0;
                float bestScore = output[BOX_FIELDS * cells + cell];
                for (int c = 1; c < labels.size(); c++) {
                    float p = output[(BOX_FIELDS + c) * cells + cell];
                    if (p > bestScore) {
                        bestScore = p;
                        best = c;
                    }
                }
                float score = (float) (Math.pow(Math.max(0, objectness), OBJECTNESS_WEIGHT) * Math.pow(Math.max(0, bestScore), CLASS_WEIGHT));
                if (score < scoreThreshold) {
                    continue;
                }
                double cx = (Math.tanh(output[cells + cell]) + gx) / grid;
                double cy = (Math.tanh(output[2 * cells + cell]) + gy) / grid;
                double w = sigmoid(output[3 * cells + cell]);
                double h = sigmoid(output[4 * cells + cell]);
                out.add(new Detection(best, labels.get(best), score, (float) ((cx - w / 2) * inputSize),
                        (float) ((cy - h / 2) * inputSize), (float) (w * inputSize), (float) (h * inputSize)));
            }
        }
        return out;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
