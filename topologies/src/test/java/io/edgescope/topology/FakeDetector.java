package io.edgescope.topology;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.StageTimings;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A detector that reports one person box covering the image's left half and counts its calls. */
final class FakeDetector implements Detector {

    final AtomicInteger calls = new AtomicInteger();
    private final String variant;

    FakeDetector(String variant) {
        this.variant = variant;
    }

    @Override
    public String variantId() {
        return variant;
    }

    @Override
    public DetectionResult detect(BgrImage image) {
        calls.incrementAndGet();
        Detection half = new Detection(0, "person", 0.9f, 0, 0, image.width() / 2f, image.height());
        return new DetectionResult(List.of(half), new StageTimings(0.1, 1.0, 0.1));
    }

    @Override
    public void close() {
        // nothing held
    }
}
