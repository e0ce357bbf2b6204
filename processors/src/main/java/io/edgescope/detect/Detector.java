package io.edgescope.detect;

/**
 * The detection port: an image in, boxes out. Adapters (ONNX Runtime via DJL, split head/tail,
 * test fakes) implement it; no tensor crosses it. An instance is used by one thread at a time.
 */
public interface Detector extends AutoCloseable {

    /** The model variant id stamped on every detection record, e.g. {@code yolox-nano-416}. */
    String variantId();

    /** Detects objects on {@code image}; box coordinates are in {@code image}'s pixels. */
    DetectionResult detect(BgrImage image);

    /** Releases what this detector holds; never throws a checked exception. */
    @Override
    void close();
}
