package io.edgescope.detect;

/**
 * Geometry of a top-left letterbox: resize keeping aspect ratio into a {@code target x target}
 * square, pad the rest. Maps boxes back to the original image.
 *
 * @param scale factor from original to resized pixels
 * @param resizedWidth width of the resized image inside the square
 * @param resizedHeight height of the resized image inside the square
 */
public record Letterbox(int sourceWidth, int sourceHeight, int target, double scale, int resizedWidth, int resizedHeight)
        implements InputMapping {

    /** Pad value used by YOLOX training (grey). */
    public static final int PAD_VALUE = 114;

    public static Letterbox of(int sourceWidth, int sourceHeight, int target) {
        if (sourceWidth <= 0 || sourceHeight <= 0 || target <= 0) {
            throw new IllegalArgumentException("Sizes must be positive: " + sourceWidth + "x" + sourceHeight + " -> " + target);
        }
        double scale = Math.min((double) target / sourceWidth, (double) target / sourceHeight);
        int w = Math.max(1, Math.min(target, (int) Math.round(sourceWidth * scale)));
        int h = Math.max(1, Math.min(target, (int) Math.round(sourceHeight * scale)));
        return new Letterbox(sourceWidth, sourceHeight, target, scale, w, h);
    }

    /** Maps a box in letterboxed pixels to original pixels, clipped to the original image. */
    @Override
    public Detection toSource(Detection d) {
        float x1 = clip((float) (d.x() / scale), sourceWidth);
        float y1 = clip((float) (d.y() / scale), sourceHeight);
        float x2 = clip((float) ((d.x() + d.width()) / scale), sourceWidth);
        float y2 = clip((float) ((d.y() + d.height()) / scale), sourceHeight);
        return new Detection(d.classId(), d.label(), d.score(), x1, y1, x2 - x1, y2 - y1);
    }

    private static float clip(float v, int max) {
        return Math.max(0f, Math.min(max, v));
    }
}
