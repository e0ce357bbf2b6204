package io.edgescope.roma;

import java.util.Arrays;

/**
 * What a variant is worth, measured offline on labelled (or pseudo-labelled) data.
 *
 * @param variantId the variant
 * @param ap50 AP50 over all sizes
 * @param ap50BySize AP50 per size bucket; NaN where the data had no object of that size
 * @param recallBySize recall at IoU 0.5 per size bucket (NaN where no object)
 * @param precisionBySize share of the variant's boxes of that size that are true objects at IoU 0.5 (NaN where not measured)
 * @param latencyMillis median detector latency measured offline on an idle host
 */
public record VariantAccuracy(String variantId, double ap50, double[] ap50BySize, double[] recallBySize, double[] precisionBySize,
                              double latencyMillis) {

    public VariantAccuracy {
        ap50BySize = ap50BySize.clone();
        recallBySize = recallBySize.clone();
        precisionBySize = precisionBySize.clone();
        if (ap50BySize.length != recallBySize.length || ap50BySize.length != precisionBySize.length) {
            throw new IllegalArgumentException("AP, recall and precision need one value per bucket");
        }
    }

    /** A variant whose precision per size was not measured (profiles written before it was). */
    public VariantAccuracy(String variantId, double ap50, double[] ap50BySize, double[] recallBySize, double latencyMillis) {
        this(variantId, ap50, ap50BySize, recallBySize, nans(ap50BySize.length), latencyMillis);
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** AP50 of bucket {@code b}, or the overall AP50 where the bucket was not measured. */
    public double ap50Of(int b) {
        double v = ap50BySize[b];
        return Double.isNaN(v) ? ap50 : v;
    }

    /** Recall of bucket {@code b}, or NaN where it was not measured. */
    public double recallOf(int b) {
        return recallBySize[b];
    }

    /** Precision of bucket {@code b}, or NaN where it was not measured. */
    public double precisionOf(int b) {
        return precisionBySize[b];
    }

    @Override
    public double[] precisionBySize() {
        return precisionBySize.clone();
    }

    @Override
    public double[] ap50BySize() {
        return ap50BySize.clone();
    }

    @Override
    public double[] recallBySize() {
        return recallBySize.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariantAccuracy v && v.variantId.equals(variantId) && v.ap50 == ap50 && v.latencyMillis == latencyMillis
                && Arrays.equals(v.ap50BySize, ap50BySize) && Arrays.equals(v.recallBySize, recallBySize)
                && Arrays.equals(v.precisionBySize, precisionBySize);
    }

    @Override
    public int hashCode() {
        return variantId.hashCode() * 31 + Arrays.hashCode(ap50BySize);
    }

    @Override
    public String toString() {
        return variantId + " AP50 " + ap50 + " by size " + Arrays.toString(ap50BySize) + ", " + latencyMillis + " ms";
    }
}
