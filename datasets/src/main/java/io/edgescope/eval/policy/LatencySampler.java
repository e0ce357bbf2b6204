package io.edgescope.eval.policy;

import java.util.SplittableRandom;

/** A detector latency as measured on this host for a variant under a load condition. */
@FunctionalInterface
public interface LatencySampler {
    double sample(String condition, String variantId, SplittableRandom random);
}
