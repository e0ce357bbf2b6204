package io.edgescope.detect;

/**
 * Creates detectors that share one loaded model. Each call returns a new, warmed-up detector for
 * one thread; the factory owns the model and releases it on close.
 */
public interface DetectorFactory extends AutoCloseable {

    String variantId();

    Detector newDetector();

    @Override
    void close();
}
