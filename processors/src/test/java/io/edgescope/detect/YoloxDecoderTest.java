package io.edgescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.detect.yolox.YoloxDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class YoloxDecoderTest {

    private static final int SIZE = 64;

    @Test
    void shouldCountRowsOverAllStrides() {
        assertThat(YoloxDecoder.rowCount(416)).isEqualTo(3549);
        assertThat(YoloxDecoder.rowCount(640)).isEqualTo(8400);
    }

    @Test
    void shouldDecodeGridOffsetsAndLogSizesByStride() {
        List<String> labels = List.of("person", "car");
        YoloxDecoder decoder = new YoloxDecoder(SIZE, labels, 0.3f);
        float[] out = new float[YoloxDecoder.rowCount(SIZE) * decoder.rowWidth()];
        // stride 16 level starts after the 8x8 stride-8 grid; cell (gx=1, gy=2) of the 4x4 grid
        int row = 64 + 2 * 4 + 1;
        int base = row * decoder.rowWidth();
        out[base] = 0.5f;
        out[base + 1] = 0.25f;
        out[base + 2] = (float) Math.log(2.0);
        out[base + 3] = 0f;
        out[base + 4] = 0.8f;
        out[base + 5] = 0.1f;
        out[base + 6] = 0.9f;

        List<Detection> boxes = decoder.decode(out);

        assertThat(boxes).hasSize(1);
        Detection d = boxes.get(0);
        assertThat(d.classId()).isEqualTo(1);
        assertThat(d.label()).isEqualTo("car");
        assertThat(d.score()).isCloseTo(0.72f, within(1e-6f));
        assertThat(d.width()).isCloseTo(32f, within(1e-4f));
        assertThat(d.height()).isCloseTo(16f, within(1e-4f));
        assertThat(d.x() + d.width() / 2).isCloseTo(24f, within(1e-4f));
        assertThat(d.y() + d.height() / 2).isCloseTo(36f, within(1e-4f));
    }

    @Test
    void shouldDropRowsBelowScoreThreshold() {
        YoloxDecoder decoder = new YoloxDecoder(SIZE, List.of("person"), 0.5f);
        float[] out = new float[YoloxDecoder.rowCount(SIZE) * decoder.rowWidth()];
        out[4] = 0.6f;
        out[5] = 0.6f;
        assertThat(decoder.decode(out)).isEmpty();
    }

    @Test
    void shouldRejectOutputOfWrongSize() {
        YoloxDecoder decoder = new YoloxDecoder(SIZE, List.of("person"), 0.5f);
        assertThatThrownBy(() -> decoder.decode(new float[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("should have");
    }
}
