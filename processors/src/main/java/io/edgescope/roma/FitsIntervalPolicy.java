package io.edgescope.roma;

import java.util.List;

/**
 * Baseline without a content signal: the slowest (offline latency, so most accurate by design)
 * variant whose currently measured latency (with the stream's time per frame besides the detector) fits the frame interval;
 * the lightest when none fits.
 * Latency is tracked as ROMA tracks it, plus each variant's own slowdown under load learnt when it runs
 * (the baseline's stronger form: it overruns the interval less).
 */
public final class FitsIntervalPolicy implements SelectionPolicy {

    private final List<String> lightestFirst;
    private final LatencyTracker latency;

    public FitsIntervalPolicy(AccuracyProfile profile, int latencyWindow) {
        this.lightestFirst = profile.byLatency();
        this.latency = new LatencyTracker(profile, latencyWindow, true, 0);
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
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        latency.observe(variantId, latencyMillis, LatencyTracker.NO_CONTENTION, overheadMillis, LatencyTracker.NO_CONTENTION);
    }
}
