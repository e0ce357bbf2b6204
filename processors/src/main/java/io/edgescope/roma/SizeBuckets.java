package io.edgescope.roma;

import java.util.List;
import java.util.Locale;

/**
 * Object-size buckets by relative side: the square root of a box's area divided by the frame's
 * longer side (so 0.05 is a box of 21 px in a 416 px network input). {@code edges} ascending give
 * buckets [0, e1), [e1, e2), ..., [en, inf).
 */
public record SizeBuckets(List<Double> edges) {

    /** Our default edges: roughly doubling, from objects of 8 px to 70 px at 416 input. */
    public static final SizeBuckets DEFAULT = new SizeBuckets(List.of(0.02, 0.04, 0.08, 0.16));

    public SizeBuckets {
        edges = List.copyOf(edges);
        double last = 0;
        for (double e : edges) {
            if (!(e > last)) {
                throw new IllegalArgumentException("size edges must be positive and ascending, got " + edges);
            }
            last = e;
        }
    }

    public int count() {
        return edges.size() + 1;
    }

    /** The bucket of a relative side. */
    public int bucketOf(double relativeSide) {
        int b = 0;
        while (b < edges.size() && relativeSide >= edges.get(b)) {
            b++;
        }
        return b;
    }

    /** The relative side of {@code box} in a frame of the given size. */
    public static double relativeSide(Box box, int frameWidth, int frameHeight) {
        return box.side() / Math.max(1, Math.max(frameWidth, frameHeight));
    }

    /** Lower and upper relative side of bucket {@code b} (upper is infinity for the last). */
    public double lower(int b) {
        return b == 0 ? 0 : edges.get(b - 1);
    }

    public double upper(int b) {
        return b == edges.size() ? Double.POSITIVE_INFINITY : edges.get(b);
    }

    public String name(int b) {
        return String.format(Locale.ROOT, "%.2f-%s", lower(b),
                b == edges.size() ? "" : String.format(Locale.ROOT, "%.2f", upper(b)));
    }
}
