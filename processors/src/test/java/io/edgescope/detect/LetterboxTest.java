package io.edgescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void shouldFitTheLongerSideToTheTarget() {
        Letterbox box = Letterbox.of(768, 576, 416);
        assertThat(box.resizedWidth()).isEqualTo(416);
        assertThat(box.resizedHeight()).isEqualTo(312);
        assertThat(box.scale()).isCloseTo(416.0 / 768, within(1e-9));
    }

    @Test
    void shouldMapBoxesBackToSourcePixels() {
        Letterbox box = Letterbox.of(768, 576, 416);
        Detection inInput = new Detection(0, "person", 0.9f, 104f, 52f, 52f, 104f);
        Detection back = box.toSource(inInput);
        assertThat(back.x()).isCloseTo(192f, within(1e-3f));
        assertThat(back.y()).isCloseTo(96f, within(1e-3f));
        assertThat(back.width()).isCloseTo(96f, within(1e-3f));
        assertThat(back.height()).isCloseTo(192f, within(1e-3f));
    }

    @Test
    void shouldClipBoxesToTheSourceImage() {
        Letterbox box = Letterbox.of(100, 50, 100);
        Detection back = box.toSource(new Detection(0, "person", 0.5f, -10f, 40f, 130f, 40f));
        assertThat(back.x()).isZero();
        assertThat(back.x() + back.width()).isEqualTo(100f);
        assertThat(back.y() + back.height()).isEqualTo(50f);
    }
}
