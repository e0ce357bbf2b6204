package io.edgescope.roma;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/** Estimated real-time AP of every candidate from the stream's sizes, latencies, frame rate and motion. */
public final class RomaEstimator {

    private RomaEstimator() {
    }

    /**
     * @param profile the candidates' offline accuracy
     * @param sizes the share of objects per size bucket, or null when unknown (then each variant's overall AP counts)
     * @param latencyMillis each candidate's latency as estimated now
     * @param intervalMillis the stream's frame interval
     * @param retention the share of hits a box keeps after s frames of age
     */
    public static List<Estimate> estimate(AccuracyProfile profile, double[] sizes, ToDoubleFunction<String> latencyMillis,
                                          double intervalMillis, IntToDoubleFunction retention) {
        List<Estimate> out = new ArrayList<>(profile.variants().size());
        for (VariantAccuracy v : profile.variants().values()) {
            double expected = expectedAp(v, sizes);
            double latency = latencyMillis.applyAsDouble(v.variantId());
            double[] w = StalenessModel.weights(latency, intervalMillis);
            double kept = 0;
            for (int s = 0; s < w.length; s++) {
                kept += w[s] * retention.applyAsDouble(s);
            }
            out.add(new Estimate(v.variantId(), expected, latency, kept, expected * kept));
        }
        return out;
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
