package io.edgescope.bench.roma;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.stats.LatencyRecorder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Each variant's latency alone on this host now: the accuracy profile's offline latency, measured in the run that uses it.
 * The variants take turns one inference at a time (the order reversed after each turn), so a drift of the host's speed while
 * they are measured — this host moves between a quiet speed and one 2x slower on its own — slows all of them alike instead of
 * the ones measured last: measured one after the other, 416 once came out faster than 320 and ROMA's first choices on four
 * cameras followed it.
 */
final class IdleLatency {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MEDIAN = 50;

    private IdleLatency() {
    }

    /**
     * @param detectors one detector per variant id, in the order to report them
     * @param samples inferences per variant; the median (nearest rank) is kept
     * @param clock nanoseconds ({@code System::nanoTime} in a run)
     */
    static Map<String, Double> measure(Map<String, Detector> detectors, BgrImage frame, int samples, LongSupplier clock) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        Map<String, LatencyRecorder> taken = new LinkedHashMap<>();
        detectors.keySet().forEach(id -> taken.put(id, new LatencyRecorder()));
        List<String> order = new ArrayList<>(detectors.keySet());
        for (int i = 0; i < samples; i++) {
            for (String id : order) {
                long t0 = clock.getAsLong();
                detectors.get(id).detect(frame);
                taken.get(id).record((clock.getAsLong() - t0) / NANOS_PER_MILLI);
            }
            Collections.reverse(order);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        taken.forEach((id, ms) -> out.put(id, ms.percentile(MEDIAN)));
        return out;
    }
}
