package io.edgescope.roma;

/**
 * Each variant's latency as measured now, as a distribution. The stream's last few measurements
 * are kept as ratios to the measured variant's offline latency (how much slower than offline the
 * host runs now); a variant's current latency samples are its offline latency times those ratios.
 * So a busy host, other streams or this machine's own drift show up in every estimate without
 * re-profiling, and so does the jitter, which decides how often a detector near the frame interval
 * overruns it. Mutable; one per stream.
 */
public final class LatencyTracker {

    private final AccuracyProfile profile;
    private final double[] ratios;
    private int size;
    private int next;

    /** @param window measurements kept */
    public LatencyTracker(AccuracyProfile profile, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("latency window must be at least 1, got " + window);
        }
        this.profile = profile;
        this.ratios = new double[window];
    }

    public void observe(String variantId, double latencyMillis) {
        if (!(latencyMillis >= 0) || !profile.variants().containsKey(variantId)) {
            return;
        }
        double offline = profile.variant(variantId).latencyMillis();
        if (offline > 0) {
            ratios[next] = latencyMillis / offline;
            next = (next + 1) % ratios.length;
            size = Math.min(size + 1, ratios.length);
        }
    }

    /** How many times slower than offline the host runs now, on average (1 before any measurement). */
    public double loadFactor() {
        if (size == 0) {
            return 1;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += ratios[i];
        }
        return sum / size;
    }

    /** Mean latency of a variant now. */
    public double estimate(String variantId) {
        return profile.variant(variantId).latencyMillis() * loadFactor();
    }

    /** Latency samples of a variant now (its offline latency alone before any measurement). */
    public double[] samples(String variantId) {
        double offline = profile.variant(variantId).latencyMillis();
        if (size == 0) {
            return new double[] {offline};
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = offline * ratios[i];
        }
        return out;
    }
}
