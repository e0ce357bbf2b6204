package io.edgescope.roma;

import java.util.List;

/** Always the same variant. */
public record FixedPolicy(String variantId) implements SelectionPolicy {

    @Override
    public String name() {
        return "fixed:" + variantId;
    }

    @Override
    public String next(double intervalMillis) {
        return variantId;
    }

    @Override
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        // nothing to learn
    }
}
