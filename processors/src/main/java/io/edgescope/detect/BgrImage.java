package io.edgescope.detect;

/**
 * A decoded image: 8-bit BGR pixels, row-major, 3 bytes per pixel, no padding.
 * The array is shared, not copied: treat it as read-only.
 */
public record BgrImage(int width, int height, byte[] pixels) {

    public static final int CHANNELS = 3;

    /** The part of this image inside the rectangle (clipped to the image); throws if nothing is left. */
    public BgrImage crop(int x, int y, int cropWidth, int cropHeight) {
        int x1 = Math.max(0, x);
        int y1 = Math.max(0, y);
        int x2 = Math.min(width, x + cropWidth);
        int y2 = Math.min(height, y + cropHeight);
        if (x2 <= x1 || y2 <= y1) {
            throw new IllegalArgumentException("Region " + x + "," + y + " " + cropWidth + "x" + cropHeight
                    + " is outside the " + width + "x" + height + " image");
        }
        int w = x2 - x1;
        int h = y2 - y1;
        byte[] out = new byte[w * h * CHANNELS];
        for (int row = 0; row < h; row++) {
            System.arraycopy(pixels, ((y1 + row) * width + x1) * CHANNELS, out, row * w * CHANNELS, w * CHANNELS);
        }
        return new BgrImage(w, h, out);
    }

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
