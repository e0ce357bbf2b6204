package io.edgescope.roma;

import java.util.HashMap;
import java.util.Map;

/**
 * Each variant's latency as measured now. The variant that ran last is estimated by its own recent
 * measurements; the others by their offline latency times how much slower than offline the host
 * currently runs (the load factor, learnt from whatever ran). So a busy host, other streams or
 * this machine's own drift show up in every estimate without re-profiling. Mutable; one per stream.
 */
public final class LatencyTracker {

    private final AccuracyProfile profile;
    private final double smoothing;
    private final Map<String, Double> recent = new HashMap<>();
    private double loadFactor = 1;
    private String last;

    /** @param smoothing weight of a new measurement in the moving averages, in (0, 1] */
    public LatencyTracker(AccuracyProfile profile, double smoothing) {
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0, 1], got " + smoothing);
        }
        this.profile = profile;
        this.smoothing = smoothing;
    }

    public void observe(String variantId, double latencyMillis) {
        if (!(latencyMillis >= 0) || !profile.variants().containsKey(variantId)) {
            return;
        }
        double offline = profile.variant(variantId).latencyMillis();
        boolean switched = !variantId.equals(last);
        recent.merge(variantId, latencyMillis, (old, now) -> switched ? now : old + smoothing * (now - old));
        if (offline > 0) {
            loadFactor += smoothing * (latencyMillis / offline - loadFactor);
        }
        last = variantId;
    }

    /** How many times slower than offline the host runs now (1 before any measurement). */
    public double loadFactor() {
        return loadFactor;
    }

    public double estimate(String variantId) {
        if (variantId.equals(last)) {
            return recent.get(variantId);
        }
        return profile.variant(variantId).latencyMillis() * loadFactor;
    }
}
