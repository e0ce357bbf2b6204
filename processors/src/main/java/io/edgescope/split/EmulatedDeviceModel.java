package io.edgescope.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;

/**
 * A whole detector run as on an emulated slower device: each detection is kept busy until it has
 * taken {@link EmulatedDevice#slowdown()} times as long as it did here. The device-only counterpart
 * of the split device's emulation, for benchmarks that run device-only over the real pipeline.
 */
public final class EmulatedDeviceModel implements DetectorFactory {

    private final DetectorFactory model;
    private final EmulatedDevice device;

    public EmulatedDeviceModel(DetectorFactory model, EmulatedDevice device) {
        this.model = model;
        this.device = device;
    }

    @Override
    public String variantId() {
        return model.variantId();
    }

    @Override
    public Detector newDetector() {
        Detector detector = model.newDetector();
        return new Detector() {
            @Override
            public String variantId() {
                return detector.variantId();
            }

            @Override
            public DetectionResult detect(BgrImage image) {
                long t0 = System.nanoTime();
                DetectionResult result = detector.detect(image);
                device.stretch(t0);
                return result;
            }

            @Override
            public void close() {
                detector.close();
            }
        };
    }

    @Override
    public long openNativeArrays() {
        return model.openNativeArrays();
    }

    @Override
    public void close() {
        model.close();
    }
}
