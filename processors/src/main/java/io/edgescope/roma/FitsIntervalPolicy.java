package io.edgescope.roma;

import java.util.List;

/**
 * Baseline without a content signal: the slowest (offline latency, so most accurate by design)
 * variant whose currently measured latency fits the frame interval; the lightest when none fits.
 * Latency is tracked as ROMA tracks it, so the comparison isolates ROMA's content model.
 */
public final class FitsIntervalPolicy implements SelectionPolicy {

    private final List<String> lightestFirst;
    private final LatencyTracker latency;

    public FitsIntervalPolicy(AccuracyProfile profile, int latencyWindow) {
        this.lightestFirst = profile.byLatency();
        this.latency = new LatencyTracker(profile, latencyWindow);
    }

    @Override
    public String name() {
        return "fits-interval";
    }

    @Override
    public String next(double intervalMillis) {
        String pick = lightestFirst.get(0);
        for (String id : lightestFirst) {
            if (latency.estimate(id) <= intervalMillis) {
                pick = id;
            }
        }
        return pick;
    }

    @Override
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis) {
        latency.observe(variantId, latencyMillis);
    }
}
