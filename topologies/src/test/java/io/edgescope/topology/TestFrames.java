package io.edgescope.topology;

import io.edgescope.detect.BgrImage;
import io.edgescope.image.ImageCodec;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.ImageEncoding;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Small real frames for topology tests. */
final class TestFrames {

    static final int WIDTH = 64;
    static final int HEIGHT = 48;

    private TestFrames() {
    }

    static byte[] jpeg(int width, int height) {
        byte[] pixels = new byte[width * height * BgrImage.CHANNELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return ImageCodec.encodeJpeg(new BgrImage(width, height, pixels), ImageCodec.DEFAULT_JPEG_QUALITY);
    }

    static Frame frame(String stream, long sequence, byte[] image) {
        return Frame.newBuilder()
                .setStreamId(stream)
                .setSequence(sequence)
                .setCaptureTime(Instant.ofEpochMilli(1_000_000L + sequence * 100))
                .setWidth(WIDTH)
                .setHeight(HEIGHT)
                .setEncoding(ImageEncoding.JPEG)
                .setImage(ByteBuffer.wrap(image))
                .setSource("test")
                .build();
    }
}
