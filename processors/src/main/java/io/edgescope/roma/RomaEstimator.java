package io.edgescope.roma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Estimated real-time AP of every candidate from the stream's sizes, latencies, frame rate and motion.
 * A stale box that no longer overlaps its object counts twice against AP: the object becomes a
 * miss and the box a confident false positive. When a share r of the boxes shown still hit
 * (whatever their score), recall and precision both scale by r, so AP scales by r squared; the
 * exponent is a setting, 3 by default: what {@code bench roma} fits on measured runs (ours; the paper's
 * form of the degradation is not known).
 */
public final class RomaEstimator {

    private RomaEstimator() {
    }

    /**
     * @param profile the candidates' offline accuracy
     * @param sizes the share of objects per size bucket, or null when unknown (then each variant's overall AP counts)
     * @param latencyMillis each candidate's latency samples as estimated now
     * @param intervalMillis the stream's frame interval
     * @param retention the share of hits a box keeps after s frames of age
     * @param exponent AP kept = (mean share still hitting) ^ exponent
     */
    public static List<Estimate> estimate(AccuracyProfile profile, double[] sizes, Function<String, double[]> latencyMillis,
                                          double intervalMillis, IntToDoubleFunction retention, double exponent) {
        return estimateWithAccuracy(profile, v -> expectedAp(v, sizes), latencyMillis, intervalMillis, retention, exponent);
    }

    /** As above, with each candidate's expected offline AP given directly. */
    public static List<Estimate> estimateWithAccuracy(AccuracyProfile profile, ToDoubleFunction<VariantAccuracy> expectedAp,
                                          Function<String, double[]> latencyMillis, double intervalMillis,
                                          IntToDoubleFunction retention, double exponent) {
        List<Estimate> out = new ArrayList<>(profile.variants().size());
        for (VariantAccuracy v : profile.variants().values()) {
            double expected = expectedAp.applyAsDouble(v);
            double[] latencies = latencyMillis.apply(v.variantId());
            double latency = Arrays.stream(latencies).average().orElse(0);
            double[] w = StalenessModel.weights(latencies, intervalMillis);
            double factor = factor(w, retention, exponent);
            out.add(new Estimate(v.variantId(), expected, latency, factor, expected * factor));
        }
        return out;
    }

    /** Share of AP kept over the shown ages {@code weights}: the mean share of boxes still hitting, to the power {@code exponent}. */
    public static double factor(double[] weights, IntToDoubleFunction retention, double exponent) {
        double kept = 0;
        for (int s = 0; s < weights.length; s++) {
            kept += weights[s] * retention.applyAsDouble(s);
        }
        return Math.pow(kept, exponent);
    }

    /** Size-weighted AP50: sum over buckets of share x bucket AP50. */
    public static double expectedAp(VariantAccuracy v, double[] sizes) {
        if (sizes == null) {
            return v.ap50();
        }
        double ap = 0;
        for (int b = 0; b < sizes.length; b++) {
            ap += sizes[b] * v.ap50Of(b);
        }
        return ap;
    }
}
