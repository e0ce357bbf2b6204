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

    public boolean contains(double area) {
        return area >= min && area <= max;
    }
}
