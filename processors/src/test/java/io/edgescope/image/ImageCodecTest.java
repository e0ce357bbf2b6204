package io.edgescope.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.detect.BgrImage;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class ImageCodecTest {

    private static final long MAX_PIXELS = 4_000_000L;
    private final ImageCodec codec = new ImageCodec(MAX_PIXELS);

    private static BgrImage gradient(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i % 251);
        }
        return new BgrImage(w, h, px);
    }

    @Test
    void shouldRoundTripJpegWithSize() {
        byte[] jpeg = ImageCodec.encodeJpeg(gradient(40, 30), 90);
        assertThat(ImageHeader.read(jpeg)).contains(new ImageHeader.Size(40, 30));
        BgrImage back = codec.decode(jpeg);
        assertThat(back.width()).isEqualTo(40);
        assertThat(back.height()).isEqualTo(30);
    }

    @Test
    void shouldReadPngHeaderAndDecodePng() {
        OpenCv.load();
        MatOfByte png = new MatOfByte();
        Imgcodecs.imencode(".png", Mats.fromBgrImage(gradient(12, 7)), png);
        byte[] bytes = png.toArray();
        assertThat(ImageHeader.read(bytes)).contains(new ImageHeader.Size(12, 7));
        assertThat(codec.decode(bytes).width()).isEqualTo(12);
    }

    @Test
    void shouldRejectEmptyImage() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(InvalidImageException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldRejectTruncatedJpeg() {
        byte[] jpeg = ImageCodec.encodeJpeg(gradient(40, 30), 90);
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(jpeg, jpeg.length / 2)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("truncated");
    }

    @Test
    void shouldRejectDecompressionBombBeforeDecoding() {
        byte[] jpeg = ImageCodec.encodeJpeg(gradient(16, 16), 90);
        byte[] bomb = TestJpegs.withDeclaredSize(jpeg, 60000, 60000);
        assertThat(ImageHeader.read(bomb)).contains(new ImageHeader.Size(60000, 60000));
        assertThatThrownBy(() -> codec.decode(bomb)).isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("over the limit");
    }

    @Property(tries = 300)
    void shouldNeverFailOtherThanInvalidImageOnRandomBytes(@ForAll byte[] junk) {
        try {
            codec.decode(junk);
        } catch (InvalidImageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void shouldDecodeOrRejectJpegsWithCorruptedBytes(@ForAll @IntRange(min = 2, max = 100_000) int position, @ForAll byte value,
                                                     @ForAll @IntRange(min = 1, max = 8) int count) {
        byte[] jpeg = ImageCodec.encodeJpeg(gradient(32, 24), 90);
        for (int i = 0; i < count; i++) {
            jpeg[Math.floorMod(position + i * 37L, jpeg.length)] = value;
        }
        try {
            BgrImage decoded = codec.decode(jpeg);
            assertThat(decoded.width() * (long) decoded.height()).isLessThanOrEqualTo(MAX_PIXELS);
        } catch (InvalidImageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
