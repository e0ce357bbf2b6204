package io.edgescope.topology;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.StageTimings;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A detector that reports one person box covering the image's left half (or, once {@link #boxAt}
 * is set, a quarter-width box at that x), reports {@link #latencyMillis} as its time, and counts
 * its calls.
 */
final class FakeDetector implements Detector {

    static final double DEFAULT_LATENCY = 1.2;
    private static final double OVERHEAD = 0.1;
    private static final int QUARTER = 4;

    final AtomicInteger calls = new AtomicInteger();
    volatile double latencyMillis = DEFAULT_LATENCY;
    volatile int boxAt = -1;
    /** Called on every detection (e.g. to move a test clock by the time it takes). */
    volatile Runnable onDetect = () -> { };
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
        onDetect.run();
        Detection box = boxAt < 0 ? new Detection(0, "person", 0.9f, 0, 0, image.width() / 2f, image.height())
                : new Detection(0, "person", 0.9f, boxAt, 0, image.width() / (float) QUARTER, image.height());
        return new DetectionResult(List.of(box), new StageTimings(OVERHEAD, latencyMillis - 2 * OVERHEAD, OVERHEAD));
    }

    @Override
    public void close() {
        // nothing held
    }
}
