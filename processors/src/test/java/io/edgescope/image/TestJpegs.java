package io.edgescope.image;

/** JPEG test helpers, shared with the topologies' tests (processors' test-jar). */
public final class TestJpegs {

    private static final int SOF0 = 0xC0;
    private static final int MARKER = 0xFF;
    private static final int HEIGHT_OFFSET = 5;
    private static final int WIDTH_OFFSET = 7;

    private TestJpegs() {
    }

    /** Rewrites the SOF0 height/width fields of a baseline JPEG: an image that declares another size than its data. */
    public static byte[] withDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + WIDTH_OFFSET + 1 < out.length; i++) {
            if ((out[i] & MARKER) == MARKER && (out[i + 1] & MARKER) == SOF0) {
                out[i + HEIGHT_OFFSET] = (byte) (height >> Byte.SIZE);
                out[i + HEIGHT_OFFSET + 1] = (byte) height;
                out[i + WIDTH_OFFSET] = (byte) (width >> Byte.SIZE);
                out[i + WIDTH_OFFSET + 1] = (byte) width;
                return out;
            }
        }
        throw new IllegalArgumentException("no SOF0 marker");
    }
}
