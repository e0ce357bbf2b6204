package io.edgescope.roma;

import java.util.List;
import java.util.function.Consumer;

/** ROMA as a {@link SelectionPolicy}; every decision taken is handed to a listener (telemetry, benchmarks). */
public final class RomaPolicy implements SelectionPolicy {

    private final RomaSelector selector;
    private final Consumer<Decision> decisions;

    public RomaPolicy(RomaSelector selector, Consumer<Decision> decisions) {
        this.selector = selector;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "roma";
    }

    @Override
    public String next(double intervalMillis) {
        selector.decide(intervalMillis).ifPresent(decisions);
        return selector.current();
    }

    @Override
    public void detecting() {
        selector.detecting();
    }

    @Override
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        selector.observe(variantId, boxes, frameWidth, frameHeight, frameIndex, latencyMillis, overheadMillis);
    }
}
