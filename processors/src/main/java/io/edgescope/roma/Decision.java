package io.edgescope.roma;

import java.util.List;
import java.util.Map;

/**
 * One selection and what it was based on.
 *
 * @param frameIndex the index of the last frame observed before the decision
 * @param variantId the variant to run from now on
 * @param previousId the variant that ran before
 * @param reason why it was taken: periodic, latency-changed, scene-changed, or the first decision
 * @param estimates every candidate's estimate
 * @param sizes the object-size shares used (null when none seen yet)
 * @param loadFactor how much slower than offline the host ran
 * @param medianSpeed median object speed, box sizes per frame
 * @param intervalMillis the stream's frame interval
 * @param decisionNanos time taken by the decision (wall clock: includes any time the thread was descheduled or paused)
 * @param decisionCpuNanos CPU time the deciding thread spent on it (-1 where the JVM does not measure thread CPU time)
 * @param othersApChange per candidate, the change of the other streams' summed real-time AP it would cause on the shared cores
 *                       (all 0 for a stream alone; {@link SharedCores})
 */
public record Decision(long frameIndex, String variantId, String previousId, String reason, List<Estimate> estimates, double[] sizes,
                       double loadFactor, double medianSpeed, double intervalMillis, long decisionNanos, long decisionCpuNanos,
                       Map<String, Double> othersApChange) {

    public Decision {
        othersApChange = Map.copyOf(othersApChange);
    }

    public boolean switched() {
        return !variantId.equals(previousId);
    }
}
