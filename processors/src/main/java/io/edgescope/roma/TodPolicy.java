package io.edgescope.roma;

import java.util.ArrayList;
import java.util.List;

/**
 * Baseline after TOD (ICFEC 2021): the median box size of the current detections picks the variant
 * by thresholds, with no latency signal. TOD's thresholds were tuned per device; ours are
 * calibrated from the accuracy profile: for each size bucket, the lightest variant whose AP50 there
 * is within {@code tolerance} of the best. Keeps its choice while no object is seen.
 */
public final class TodPolicy implements SelectionPolicy {

    private final SizeBuckets buckets;
    private final List<String> variantByBucket;
    private String current;

    public TodPolicy(AccuracyProfile profile, double tolerance, String initialVariant) {
        this.buckets = profile.buckets();
        this.variantByBucket = calibrate(profile, tolerance);
        this.current = initialVariant;
    }

    /** For each size bucket, the lightest variant within {@code tolerance} AP50 of the best there. */
    static List<String> calibrate(AccuracyProfile profile, double tolerance) {
        List<String> lightestFirst = profile.byLatency();
        List<String> out = new ArrayList<>();
        for (int b = 0; b < profile.buckets().count(); b++) {
            final int bucket = b;
            double best = profile.variants().values().stream().mapToDouble(v -> v.ap50Of(bucket)).max().orElse(0);
            out.add(lightestFirst.stream().filter(id -> profile.variant(id).ap50Of(bucket) >= best - tolerance).findFirst()
                    .orElse(lightestFirst.get(lightestFirst.size() - 1)));
        }
        return List.copyOf(out);
    }

    /** The variant chosen per size bucket, smallest objects first. */
    public List<String> thresholds() {
        return variantByBucket;
    }

    @Override
    public String name() {
        return "tod";
    }

    @Override
    public String next(double intervalMillis) {
        return current;
    }

    @Override
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        if (boxes.isEmpty()) {
            return;
        }
        double[] sides = boxes.stream().mapToDouble(b -> SizeBuckets.relativeSide(b, frameWidth, frameHeight)).sorted().toArray();
        current = variantByBucket.get(buckets.bucketOf(sides[sides.length / 2]));
    }
}
