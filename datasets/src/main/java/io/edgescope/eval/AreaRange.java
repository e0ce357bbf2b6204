package io.edgescope.eval;

import java.util.List;

/** An object-size bucket by box area in pixels, inclusive on both ends as in COCOeval. */
public record AreaRange(String name, double min, double max) {

    private static final double MAX_AREA = 1e10;
    private static final double SMALL = 32 * 32;
    private static final double MEDIUM = 96 * 96;

    public static final AreaRange ALL = new AreaRange("all", 0, MAX_AREA);

    /** COCO's buckets: small < 32^2, medium 32^2-96^2, large > 96^2 pixels. */
    public static final List<AreaRange> COCO = List.of(ALL, new AreaRange("small", 0, SMALL),
            new AreaRange("medium", SMALL, MEDIUM), new AreaRange("large", MEDIUM, MAX_AREA));

    /**
     * Finer buckets for size-aware policies (ROMA): edges are box sides in pixels (square root of the
     * area), ascending; gives ALL, then [0, e1], [e1, e2], ..., [en, max]. Named by their side range.
     */
    public static List<AreaRange> fromSideEdges(List<Double> edges) {
        List<AreaRange> out = new java.util.ArrayList<>();
        out.add(ALL);
        double lower = 0;
        for (double edge : edges) {
            if (edge <= lower) {
                throw new IllegalArgumentException("size edges must be positive and ascending, got " + edges);
            }
            out.add(new AreaRange(name(lower, edge), lower * lower, edge * edge));
            lower = edge;
        }
        out.add(new AreaRange(name(lower, Double.POSITIVE_INFINITY), lower * lower, MAX_AREA));
        return out;
    }

    private static String name(double from, double to) {
        return String.format(java.util.Locale.ROOT, "%.0f-%s", from, Double.isInfinite(to) ? "" : String.format(java.util.Locale.ROOT, "%.0f", to)) + "px";
    }

    public boolean contains(double area) {
        return area >= min && area <= max;
    }
}
