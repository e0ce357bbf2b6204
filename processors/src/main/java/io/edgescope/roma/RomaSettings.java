package io.edgescope.roma;

/**
 * ROMA's knobs (all ours: the paper's values are not known here).
 *
 * @param reselectEveryFrames re-estimate after this many processed frames (also the minimum time on a variant)
 * @param switchMargin switch only when the best candidate's estimate beats the current one's by this fraction
 * @param latencyTrigger re-estimate at once when the running variant's latency moved by this fraction since the last decision
 * @param sceneTrigger re-estimate at once when the share of objects per size moved by this much (total variation distance, 0-1) since the last decision
 * @param histogramDecay weight the size histogram keeps per processed frame
 * @param latencyWindow latency measurements kept per stream (their spread counts, not only their mean)
 * @param motionSamples motion samples kept per stream
 * @param priorBeta retention lost per frame of age before motion was measured (0.1 by default: on our sequences the motion
 *                  measured later costs a box far more per frame, and with 0.02 four cameras all started on a variant that
 *                  overran their interval; bench roma-live, 2026-11-27)
 * @param retentionExponent AP kept = (share of shown boxes still hitting) to this power: 2 when a stale miss costs recall and precision alike
 * @param iouThreshold the IoU a stale box must keep with its moved object to still count: the defaults, 0.5 with exponent 3, are what bench roma fits to the fixed variants' measured runs on our labelled sequences (two latency tables, 2026-11-26)
 * @param speedHalfLifeFrames a variant's learnt speed relative to the others drifts back to "as offline" with this half-life, in
 *                            processed frames of other variants (0: never), so a variant once measured slow is tried again
 * @param lighterTolerance the lightest candidate whose estimated real-time AP is within this fraction of the best one's counts as
 *                         the best (estimates closer than that do not tell candidates apart: like TOD's 0.02 AP50 tolerance)
 * @param contentionSlowdown how much slower a detector runs beside another stream's detector that is always busy, on the
 *                           shared cores of one process ({@link SharedCores}; 0: each stream chooses as if alone)
 */
public record RomaSettings(int reselectEveryFrames, double switchMargin, double latencyTrigger, double sceneTrigger, double histogramDecay,
                           int latencyWindow, int motionSamples, double priorBeta, double iouThreshold,
                           double retentionExponent, int speedHalfLifeFrames, double lighterTolerance,
                           double contentionSlowdown) {

    public static final RomaSettings DEFAULT = new RomaSettings(10, 0.02, 0.25, 0.3, 0.9, 8, 200, 0.1, 0.5, 3.0, 1000, 0.02, 0.6);

    public RomaSettings {
        if (!(retentionExponent > 0) || reselectEveryFrames < 1 || latencyWindow < 1 || switchMargin < 0 || latencyTrigger <= 0
                || !(sceneTrigger > 0 && sceneTrigger <= 1) || motionSamples < 1 || speedHalfLifeFrames < 0
                || !(lighterTolerance >= 0 && lighterTolerance <= 1) || !(contentionSlowdown >= 0)) {
            throw new IllegalArgumentException("invalid ROMA settings: reselect " + reselectEveryFrames + ", margin " + switchMargin
                    + ", latency trigger " + latencyTrigger + ", scene trigger " + sceneTrigger + ", motion samples " + motionSamples
                    + ", speed half-life " + speedHalfLifeFrames + ", lighter tolerance " + lighterTolerance + ", contention slowdown " + contentionSlowdown);
        }
    }

    /** These settings with another contention slowdown. */
    public RomaSettings withContentionSlowdown(double slowdown) {
        return new RomaSettings(reselectEveryFrames, switchMargin, latencyTrigger, sceneTrigger, histogramDecay, latencyWindow, motionSamples,
                priorBeta, iouThreshold, retentionExponent, speedHalfLifeFrames, lighterTolerance, slowdown);
    }
}
