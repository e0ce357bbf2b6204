package io.edgescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BgrImageTest {

    private static BgrImage numbered(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            px[i * 3] = (byte) i;
        }
        return new BgrImage(w, h, px);
    }

    @Test
    void shouldCropRowsAndClipToTheImage() {
        BgrImage crop = numbered(4, 3).crop(1, 1, 10, 10);
        assertThat(crop.width()).isEqualTo(3);
        assertThat(crop.height()).isEqualTo(2);
        assertThat(crop.pixels()[0]).isEqualTo((byte) 5);
        assertThat(crop.pixels()[3 * 3]).isEqualTo((byte) 9);
    }

    @Test
    void shouldRefuseARegionOutsideTheImage() {
        assertThatThrownBy(() -> numbered(4, 3).crop(10, 0, 2, 2)).hasMessageContaining("outside");
    }
}
