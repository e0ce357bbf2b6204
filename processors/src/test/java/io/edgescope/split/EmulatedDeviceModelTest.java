package io.edgescope.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatedDeviceModelTest {

    private static final long WORK_NANOS = 10_000_000L;

    /** A detector that works for {@link #WORK_NANOS} and finds nothing. */
    private static final DetectorFactory BUSY = new DetectorFactory() {
        @Override
        public String variantId() {
            return "busy";
        }

        @Override
        public Detector newDetector() {
            return new Detector() {
                @Override
                public String variantId() {
                    return "busy";
                }

                @Override
                public DetectionResult detect(BgrImage image) {
                    long until = System.nanoTime() + WORK_NANOS;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return new DetectionResult(List.of(), null);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    };

    @Test
    void shouldTakeSlowdownTimesAsLongAsTheDetectorItRuns() {
        try (EmulatedDeviceModel slow = new EmulatedDeviceModel(BUSY, new EmulatedDevice(3)); Detector d = slow.newDetector()) {
            long t0 = System.nanoTime();
            d.detect(null);
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(3 * WORK_NANOS);
            assertThat(d.variantId()).isEqualTo("busy");
        }
    }
}
