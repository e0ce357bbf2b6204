package io.edgescope.detect;

/**
 * A decoded image: 8-bit BGR pixels, row-major, 3 bytes per pixel, no padding.
 * The array is shared, not copied: treat it as read-only.
 */
public record BgrImage(int width, int height, byte[] pixels) {

    public static final int CHANNELS = 3;

    public BgrImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != (long) width * height * CHANNELS) {
            throw new IllegalArgumentException("Expected " + (long) width * height * CHANNELS
                    + " bytes for " + width + "x" + height + " BGR, got " + pixels.length);
        }
    }
}
