package io.edgescope.roma;

import java.util.Collection;
import java.util.Optional;

/**
 * The size distribution of a stream's recent detections: counts per size bucket, decayed by a
 * factor per observed frame so the histogram follows the scene. Mutable; one per stream.
 */
public final class SizeHistogram {

    /** Below this recall a bucket's correction is capped (a variant that finds almost nothing there). */
    private static final double MIN_RECALL = 0.1;

    private final SizeBuckets buckets;
    private final double decay;
    private final double[] counts;

    /** @param decay weight kept per observed frame, in (0, 1]: 0.9 remembers about ten frames */
    public SizeHistogram(SizeBuckets buckets, double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
        }
        this.buckets = buckets;
        this.decay = decay;
        this.counts = new double[buckets.count()];
    }

    /** Adds one frame's boxes. */
    public void observe(Collection<Box> boxes, int frameWidth, int frameHeight) {
        for (int b = 0; b < counts.length; b++) {
            counts[b] *= decay;
        }
        for (Box box : boxes) {
            counts[buckets.bucketOf(SizeBuckets.relativeSide(box, frameWidth, frameHeight))]++;
        }
    }

    /** The raw decayed counts. */
    public double[] counts() {
        return counts.clone();
    }

    /**
     * The estimated share of objects per bucket: counts times the precision of the variant that
     * produced them (some of its boxes are not objects) divided by its recall (objects it misses are
     * still there), normalised; empty when nothing was seen.
     */
    public Optional<double[]> distribution(VariantAccuracy seenBy) {
        double[] h = new double[counts.length];
        double total = 0;
        for (int b = 0; b < counts.length; b++) {
            double recall = seenBy == null ? Double.NaN : seenBy.recallOf(b);
            double precision = seenBy == null || Double.isNaN(seenBy.precisionOf(b)) ? 1 : seenBy.precisionOf(b);
            h[b] = Double.isNaN(recall) ? counts[b] : counts[b] * precision / Math.max(MIN_RECALL, recall);
            total += h[b];
        }
        if (total <= 0) {
            return Optional.empty();
        }
        for (int b = 0; b < h.length; b++) {
            h[b] /= total;
        }
        return Optional.of(h);
    }
}
