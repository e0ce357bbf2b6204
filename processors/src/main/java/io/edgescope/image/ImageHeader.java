package io.edgescope.image;

import java.util.Optional;

/**
 * Reads an image's declared size from its header without decoding it, so that a small file
 * declaring a huge size (a decompression bomb) is refused before any pixel buffer is allocated.
 * Knows JPEG (SOFn markers) and PNG (IHDR).
 */
public final class ImageHeader {

    private static final int JPEG_SOI_1 = 0xFF;
    private static final int JPEG_SOI_2 = 0xD8;
    private static final int MARKER_PREFIX = 0xFF;
    private static final int SOF0 = 0xC0;
    private static final int SOF15 = 0xCF;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int SOS = 0xDA;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int TEM = 0x01;
    private static final int EOI = 0xD9;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PNG_WIDTH_OFFSET = 16;
    private static final int PNG_HEADER_BYTES = 24;
    /** "IEND" chunk type followed by its CRC, the last 8 bytes of every PNG. */
    private static final byte[] PNG_IEND = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final int MAX_TRAILING_PADDING = 64;

    /** Width and height declared by an image header. */
    public record Size(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    private ImageHeader() {
    }

    /** The declared size, or empty when the bytes are not a JPEG or PNG with a readable header. */
    public static Optional<Size> read(byte[] data) {
        if (data.length >= PNG_HEADER_BYTES && startsWith(data, PNG_SIGNATURE)) {
            return Optional.of(new Size(int32(data, PNG_WIDTH_OFFSET), int32(data, PNG_WIDTH_OFFSET + Integer.BYTES)));
        }
        if (data.length >= 2 && (data[0] & 0xFF) == JPEG_SOI_1 && (data[1] & 0xFF) == JPEG_SOI_2) {
            return jpeg(data);
        }
        return Optional.empty();
    }

    /**
     * Whether the image ends as a complete file must: JPEG with its end-of-image marker, PNG with its
     * IEND chunk (trailing zero padding allowed). Decoders silently fill in truncated images; this does not.
     */
    public static boolean isComplete(byte[] data) {
        int end = data.length;
        int padding = 0;
        while (end > 0 && data[end - 1] == 0 && padding < MAX_TRAILING_PADDING) {
            end--;
            padding++;
        }
        if (data.length >= PNG_HEADER_BYTES && startsWith(data, PNG_SIGNATURE)) {
            return end >= PNG_IEND.length && java.util.Arrays.equals(data, end - PNG_IEND.length, end, PNG_IEND, 0, PNG_IEND.length);
        }
        return end >= 2 && (data[end - 2] & 0xFF) == MARKER_PREFIX && (data[end - 1] & 0xFF) == EOI;
    }

    private static Optional<Size> jpeg(byte[] d) {
        int i = 2;
        while (i + 3 < d.length) {
            if ((d[i] & 0xFF) != MARKER_PREFIX) {
                return Optional.empty();
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == MARKER_PREFIX) {
                i++;
                continue;
            }
            if (marker == EOI || marker == SOS) {
                return Optional.empty();
            }
            if (marker == TEM || (marker >= RST0 && marker <= RST7)) {
                i += 2;
                continue;
            }
            int length = uint16(d, i + 2);
            if (isStartOfFrame(marker)) {
                int sof = i + 4;
                if (sof + 5 > d.length) {
                    return Optional.empty();
                }
                return Optional.of(new Size(uint16(d, sof + 3), uint16(d, sof + 1)));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= SOF0 && marker <= SOF15 && marker != DHT && marker != JPG && marker != DAC;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int uint16(byte[] d, int i) {
        return ((d[i] & 0xFF) << Byte.SIZE) | (d[i + 1] & 0xFF);
    }

    private static int int32(byte[] d, int i) {
        return (uint16(d, i) << Short.SIZE) | uint16(d, i + 2);
    }
}
