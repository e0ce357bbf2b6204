package io.edgescope.app;

import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.topology.DetectorProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One warmed-up detector per stream thread, sharing one loaded model; closes them all at shutdown. */
final class PerThreadDetectors implements DetectorProvider, AutoCloseable {

    private final DetectorFactory factory;
    private final Map<Thread, Detector> detectors = new ConcurrentHashMap<>();

    PerThreadDetectors(DetectorFactory factory) {
        this.factory = factory;
    }

    @Override
    public Detector forCurrentThread() {
        return detectors.computeIfAbsent(Thread.currentThread(), t -> factory.newDetector());
    }

    @Override
    public void close() {
        detectors.values().forEach(Detector::close);
        detectors.clear();
    }
}
