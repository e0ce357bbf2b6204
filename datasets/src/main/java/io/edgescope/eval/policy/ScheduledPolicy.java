package io.edgescope.eval.policy;

import io.edgescope.roma.Box;
import io.edgescope.roma.SelectionPolicy;
import java.util.List;
import java.util.Map;

/** The per-segment oracle: runs, for each part of the timeline, the variant that was best there in hindsight. */
public final class ScheduledPolicy implements SelectionPolicy, KnowsTheFuture {

    private final Timeline timeline;
    private final Map<String, String> variantByPart;
    private String current;

    public ScheduledPolicy(Timeline timeline, Map<String, String> variantByPart) {
        this.timeline = timeline;
        this.variantByPart = Map.copyOf(variantByPart);
    }

    @Override
    public void upcoming(int frameIndex) {
        current = variantByPart.get(timeline.partOf(frameIndex));
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String next(double intervalMillis) {
        return current;
    }

    @Override
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        // knows already
    }
}
