package io.edgescope.detect;

/** Turns an image into a model's input tensor. */
public interface Preprocessor {

    /** Floats in one input tensor. */
    int tensorLength();

    /** Fills {@code tensor} from {@code image}; returns how to map output boxes back to the image. */
    InputMapping preprocess(BgrImage image, float[] tensor);
}
