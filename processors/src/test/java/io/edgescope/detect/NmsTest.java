package io.edgescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NmsTest {

    private static Detection box(int cls, float score, float x, float y, float w, float h) {
        return new Detection(cls, "c" + cls, score, x, y, w, h);
    }

    @Test
    void shouldSuppressOverlappingBoxOfSameClass() {
        Detection strong = box(0, 0.9f, 0, 0, 10, 10);
        Detection weak = box(0, 0.5f, 1, 1, 10, 10);
        assertThat(Nms.classWise(List.of(weak, strong), 0.45f)).containsExactly(strong);
    }

    @Test
    void shouldKeepOverlappingBoxesOfDifferentClasses() {
        Detection person = box(0, 0.9f, 0, 0, 10, 10);
        Detection bag = box(26, 0.5f, 1, 1, 10, 10);
        assertThat(Nms.classWise(List.of(bag, person), 0.45f)).containsExactly(person, bag);
    }

    @Test
    void shouldKeepBoxesOverlappingLessThanThreshold() {
        Detection a = box(0, 0.9f, 0, 0, 10, 10);
        Detection b = box(0, 0.8f, 8, 0, 10, 10);
        assertThat(Nms.classWise(List.of(a, b), 0.45f)).containsExactly(a, b);
    }

    @Property(tries = 200)
    void keptBoxesOfOneClassNeverOverlapAboveThreshold(
            @ForAll @Size(max = 30) List<@IntRange(max = 50) Integer> xs,
            @ForAll @FloatRange(min = 0.1f, max = 0.9f) float threshold) {
        List<Detection> input = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            input.add(box(i % 2, (i + 1f) / (xs.size() + 1f), xs.get(i), xs.get(i) / 2f, 20, 20));
        }
        List<Detection> kept = Nms.classWise(input, threshold);
        assertThat(input).containsAll(kept);
        for (Detection a : kept) {
            for (Detection b : kept) {
                if (a != b && a.classId() == b.classId()) {
                    assertThat(a.iou(b)).isLessThanOrEqualTo(threshold);
                }
            }
        }
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i).score()).isLessThanOrEqualTo(kept.get(i - 1).score());
        }
    }
}
