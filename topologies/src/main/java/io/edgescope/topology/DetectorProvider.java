package io.edgescope.topology;

import io.edgescope.detect.Detector;

/**
 * Gives a processor the detector of the thread it runs on. The provider owns the detectors and
 * closes them; processors never do.
 */
@FunctionalInterface
public interface DetectorProvider {
    Detector forCurrentThread();
}
