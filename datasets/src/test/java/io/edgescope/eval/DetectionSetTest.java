package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionSetTest {

    @Test
    void shouldReadBackWhatItWrites(@TempDir Path dir) {
        DetectionSet set = new DetectionSet(Map.of(1, List.of(new ScoredBox(1, 2, 30, 40, 0.9f)), 3, List.of()),
                Map.of(1, 12.5, 3, 11.0), "yolox-nano-320");
        Path file = dir.resolve("d.jsonl");
        set.write(file, "person");
        DetectionSet back = DetectionSet.read(file, "person");
        assertThat(back.variantId()).isEqualTo("yolox-nano-320");
        assertThat(back.of(1)).containsExactly(new ScoredBox(1, 2, 30, 40, 0.9f));
        assertThat(back.of(3)).isEmpty();
        assertThat(back.latencyOf(3)).hasValue(11.0);
        assertThat(DetectionSet.read(file, "car").of(1)).isEmpty();
    }
}
