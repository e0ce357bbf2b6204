package io.edgescope.roma;

/**
 * ROMA's knobs (all ours: the paper's values are not known here).
 *
 * @param reselectEveryFrames re-estimate after this many processed frames (also the minimum time on a variant)
 * @param switchMargin switch only when the best candidate's estimate beats the current one's by this fraction
 * @param latencyTrigger re-estimate at once when the running variant's latency moved by this fraction since the last decision
 * @param histogramDecay weight the size histogram keeps per processed frame
 * @param latencySmoothing weight of a new latency measurement in the moving averages
 * @param motionSamples motion samples kept per stream
 * @param priorBeta retention lost per frame of age before motion was measured
 * @param iouThreshold the IoU at which accuracy is judged (AP50: 0.5)
 */
public record RomaSettings(int reselectEveryFrames, double switchMargin, double latencyTrigger, double histogramDecay,
                           double latencySmoothing, int motionSamples, double priorBeta, double iouThreshold) {

    public static final RomaSettings DEFAULT = new RomaSettings(10, 0.02, 0.25, 0.9, 0.3, 200, 0.02, 0.5);

    public RomaSettings {
        if (reselectEveryFrames < 1 || switchMargin < 0 || latencyTrigger <= 0 || motionSamples < 1) {
            throw new IllegalArgumentException("invalid ROMA settings: reselect " + reselectEveryFrames + ", margin " + switchMargin
                    + ", latency trigger " + latencyTrigger + ", motion samples " + motionSamples);
        }
    }
}
