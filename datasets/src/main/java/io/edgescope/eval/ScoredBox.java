package io.edgescope.eval;

/** A detection to evaluate: a box in pixels with its score. */
public record ScoredBox(float x, float y, float width, float height, float score) {

    public float area() {
        return width * height;
    }

    /** Intersection over union with a ground-truth box (plain IoU, as COCO uses for non-crowd boxes). */
    public double iou(GtBox g) {
        double ix = Math.max(0, Math.min(x + width, g.x() + g.width()) - Math.max(x, g.x()));
        double iy = Math.max(0, Math.min(y + height, g.y() + g.height()) - Math.max(y, g.y()));
        double inter = ix * iy;
        double union = (double) width * height + (double) g.width() * g.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
