package io.edgescope.bench.roma;

import io.edgescope.eval.policy.LatencySampler;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/** Latencies measured per load condition and variant; sampled uniformly by the replay. */
record LatencyTable(Map<String, Map<String, double[]>> samples) implements LatencySampler {

    @Override
    public double sample(String condition, String variantId, SplittableRandom random) {
        double[] s = of(condition, variantId);
        return s[random.nextInt(s.length)];
    }

    double median(String condition, String variantId) {
        double[] s = of(condition, variantId).clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The latencies measured for a variant under a condition. */
    double[] samples(String condition, String variantId) {
        return of(condition, variantId).clone();
    }

    private double[] of(String condition, String variantId) {
        Map<String, double[]> byVariant = samples.get(condition);
        if (byVariant == null || !byVariant.containsKey(variantId)) {
            throw new IllegalArgumentException("no latency measured for " + variantId + " under " + condition);
        }
        return byVariant.get(variantId);
    }
}
