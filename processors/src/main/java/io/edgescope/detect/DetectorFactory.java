package io.edgescope.detect;

/**
 * Creates detectors that share one loaded model. Each call returns a new, warmed-up detector for
 * one thread; the factory owns the model and releases it on close.
 */
public interface DetectorFactory extends AutoCloseable {

    String variantId();

    Detector newDetector();

    /** Native arrays (tensors) this model and its detectors hold right now; a leak shows as growth. 0 where not tracked. */
    default long openNativeArrays() {
        return 0;
    }

    @Override
    void close();
}
