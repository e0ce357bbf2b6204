package io.edgescope.detect.onnx;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds one float tensor of a fixed shape and copies the first output out as a float array, so no
 * NDArray outlives the call (the context's manager frees them).
 */
final class FloatTensorTranslator implements NoBatchifyTranslator<float[], float[]> {

    private final Shape inputShape;

    FloatTensorTranslator(Shape inputShape) {
        this.inputShape = inputShape;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
        if (input.length != inputShape.size()) {
            throw new IllegalArgumentException("Input tensor should have " + inputShape.size() + " values for shape "
                    + inputShape + ", got " + input.length);
        }
        return new NDList(ctx.getNDManager().create(input, inputShape));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.get(0).toFloatArray();
    }
}
