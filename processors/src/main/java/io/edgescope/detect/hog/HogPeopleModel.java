package io.edgescope.detect.hog;

import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.DetectorSettings;

/** Hands out HOG people detectors; nothing to load or free (the SVM ships with OpenCV). */
public final class HogPeopleModel implements DetectorFactory {

    private final DetectorSettings settings;

    public HogPeopleModel(DetectorSettings settings) {
        this.settings = settings;
    }

    @Override
    public String variantId() {
        return HogPeopleDetector.VARIANT_ID;
    }

    @Override
    public Detector newDetector() {
        return new HogPeopleDetector(settings.scoreThreshold(), settings.nmsIou());
    }

    @Override
    public void close() {
        // nothing held
    }
}
