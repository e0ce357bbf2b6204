package io.edgescope.eval;

/**
 * One ground-truth box of one frame, in pixels, already clipped to the image.
 *
 * @param ignore true for boxes that neither count as a miss nor, when matched, make a false
 *               positive (MOTChallenge flag 0, static persons, distractors, reflections, ...)
 */
public record GtBox(int frame, float x, float y, float width, float height, boolean ignore) {

    public float area() {
        return width * height;
    }
}
