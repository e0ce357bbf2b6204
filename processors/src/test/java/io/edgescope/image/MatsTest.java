package io.edgescope.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.detect.BgrImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MatsTest {

    private static final int WHITE = 255;
    private static final int GREY = 114;

    @Test
    void shouldZoomOutToTheCentreOfACanvasOfTheSameSize() {
        byte[] white = new byte[8 * 4 * BgrImage.CHANNELS];
        Arrays.fill(white, (byte) WHITE);
        BgrImage out = Mats.zoomOut(new BgrImage(8, 4, white), 0.5, GREY);
        assertThat(out.width()).isEqualTo(8);
        assertThat(out.height()).isEqualTo(4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                boolean inside = x >= 2 && x < 6 && y >= 1 && y < 3;
                int value = out.pixels()[(y * 8 + x) * BgrImage.CHANNELS] & 0xff;
                assertThat(value).as("pixel %d,%d", x, y).isEqualTo(inside ? WHITE : GREY);
            }
        }
    }
}
