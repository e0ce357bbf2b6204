package io.edgescope.roma;

import java.util.List;

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
 * @param decisionNanos time taken by the decision
 */
public record Decision(long frameIndex, String variantId, String previousId, String reason, List<Estimate> estimates, double[] sizes,
                       double loadFactor, double medianSpeed, double intervalMillis, long decisionNanos) {

    public boolean switched() {
        return !variantId.equals(previousId);
    }
}
