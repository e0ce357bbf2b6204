package io.edgescope.media;

/**
 * One frame from a source, encoded.
 *
 * @param index 0-based position in the source
 * @param image encoded bytes
 * @param format {@code JPEG} or {@code PNG}
 */
public record EncodedFrame(long index, byte[] image, String format, int width, int height) {
    public static final String JPEG = "JPEG";
    public static final String PNG = "PNG";
}
