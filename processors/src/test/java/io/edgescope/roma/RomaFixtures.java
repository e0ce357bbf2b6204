package io.edgescope.roma;

import java.util.ArrayList;
import java.util.List;

/** A two-bucket profile: "big" is accurate on small objects and slow, "small" is fast and only good on large objects. */
final class RomaFixtures {

    static final SizeBuckets TWO_BUCKETS = new SizeBuckets(List.of(0.05));
    static final int FRAME = 1000;

    private RomaFixtures() {
    }

    static AccuracyProfile profile() {
        return AccuracyProfile.of(TWO_BUCKETS, List.of(
                new VariantAccuracy("small", 0.6, new double[] {0.2, 0.8}, new double[] {0.25, 0.9}, 10),
                new VariantAccuracy("big", 0.85, new double[] {0.8, 0.82}, new double[] {0.9, 0.9}, 40)));
    }

    /** {@code n} boxes of side {@code side} px in a row, shifted right by {@code shift} px. */
    static List<Box> boxes(int n, double side, double shift) {
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Box(10 + i * 3 * side + shift, 100, side, side));
        }
        return out;
    }
}
