package io.edgescope.roma;

/**
 * One candidate's estimate.
 *
 * @param variantId the candidate
 * @param expectedAp AP50 expected for the stream's current object sizes (no frames dropped)
 * @param latencyMillis its latency as estimated now
 * @param retention share of that AP kept on the frames a viewer sees at this latency (the mean share of boxes still hitting, to the retention exponent)
 * @param realtimeAp expectedAp x retention: the estimated real-time AP50
 */
public record Estimate(String variantId, double expectedAp, double latencyMillis, double retention, double realtimeAp) {
}
