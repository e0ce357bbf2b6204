package io.edgescope.detect.onnx;

import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.OutputDecoder;
import io.edgescope.detect.Preprocessor;
import io.edgescope.detect.fastestdet.FastestDetDecoder;
import io.edgescope.detect.fastestdet.FastestDetPreprocessor;
import io.edgescope.detect.yolox.YoloxDecoder;
import io.edgescope.detect.yolox.YoloxPreprocessor;

/** A detector architecture: how its variants are named, and for ONNX ones how input is prepared and output decoded. */
public enum ModelFamily {

    /** YOLOX (letterbox, BGR 0-255, three-stride anchor-free head). */
    YOLOX("yolox-nano-") {
        @Override
        public Preprocessor preprocessor(int inputSize) {
            return new YoloxPreprocessor(inputSize);
        }

        @Override
        public OutputDecoder decoder(int inputSize, DetectorSettings settings) {
            return new YoloxDecoder(inputSize, CocoLabels.names(), settings.scoreThreshold());
        }
    },

    /** FastestDet (plain resize, BGR 0-1, single-scale grid). */
    FASTESTDET("fastestdet-") {
        @Override
        public Preprocessor preprocessor(int inputSize) {
            return new FastestDetPreprocessor(inputSize);
        }

        @Override
        public OutputDecoder decoder(int inputSize, DetectorSettings settings) {
            return new FastestDetDecoder(inputSize, CocoLabels.names(), settings.scoreThreshold());
        }
    },

    /** OpenCV's HOG people detector: no neural network, no ONNX model (input size = working width). */
    HOG("hog-") {
        @Override
        public Preprocessor preprocessor(int inputSize) {
            throw new UnsupportedOperationException("HOG does not run through ONNX Runtime");
        }

        @Override
        public OutputDecoder decoder(int inputSize, DetectorSettings settings) {
            throw new UnsupportedOperationException("HOG does not run through ONNX Runtime");
        }

        @Override
        public boolean runsOnnx() {
            return false;
        }
    };

    private final String prefix;

    ModelFamily(String prefix) {
        this.prefix = prefix;
    }

    /** Whether variants of this family are ONNX models run by ONNX Runtime. */
    public boolean runsOnnx() {
        return true;
    }

    public String variantId(int inputSize) {
        return prefix + inputSize;
    }

    public abstract Preprocessor preprocessor(int inputSize);

    public abstract OutputDecoder decoder(int inputSize, DetectorSettings settings);
}
