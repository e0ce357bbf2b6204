package io.edgescope.detect;

/** One detected object, in pixels of the image it was detected on. */
public record Detection(int classId, String label, float score, float x, float y, float width, float height) {

    public float area() {
        return Math.max(0f, width) * Math.max(0f, height);
    }

    /** Intersection over union with {@code other}; 0 when either box is empty. */
    public float iou(Detection other) {
        float ix = Math.max(0f, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        float iy = Math.max(0f, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        float intersection = ix * iy;
        float union = area() + other.area() - intersection;
        return union <= 0f ? 0f : intersection / union;
    }
}
