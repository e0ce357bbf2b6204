package io.edgescope.bench.roma;

import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.Box;
import io.edgescope.roma.Decision;
import io.edgescope.roma.FixedPolicy;
import io.edgescope.roma.RomaSelector;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SelectionPolicy;
import io.edgescope.roma.SharedCores;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fixed variant with ROMA watching: a selector of its own, seated on the cameras' shared cores as ROMA's selectors are (so it
 * measures the contention each detection ran under and estimates as ROMA on shared cores does), is fed every frame the fixed
 * variant runs and decides as usual, but nothing it chooses runs. Its decisions carry its estimate of the fixed variant's
 * real-time AP on what this camera sees — the latency and motion measured on the very frames that are then scored — so a run
 * can set what ROMA expects a variant to keep against what the variant kept ({@link LiveContention.Result#forecastShare}).
 */
final class WatchedFixedPolicy implements SelectionPolicy {

    private final FixedPolicy fixed;
    private final RomaSelector watcher;
    private final Consumer<Decision> decisions;
    private double intervalMillis = Double.NaN;

    WatchedFixedPolicy(String variantId, AccuracyProfile profile, RomaSettings settings, SharedCores.Member cores,
                       Consumer<Decision> decisions) {
        this.fixed = new FixedPolicy(variantId);
        this.watcher = new RomaSelector(profile, settings, variantId, cores);
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return fixed.name();
    }

    @Override
    public void detecting() {
        watcher.detecting();
    }

    @Override
    public String next(double intervalMillis) {
        this.intervalMillis = intervalMillis;
        return fixed.next(intervalMillis);
    }

    @Override
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        watcher.observe(variantId, boxes, frameWidth, frameHeight, frameIndex, latencyMillis, overheadMillis);
        if (!Double.isNaN(intervalMillis)) {
            watcher.decide(intervalMillis).ifPresent(decisions);
        }
    }
}
