package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.assets.SharedFolder;
import io.edgescope.image.ImageHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioGeneratorTest {

    private static final MotSequence TUD = MotSequence.load(SharedFolder.find().orElseThrow().resolve("datasets/TUD-Campus"));

    @Test
    void shouldSubsampleScaleAndCarryTheTruthOver(@TempDir Path out) throws Exception {
        Scenario scenario = new Scenario(3, 0.5, 0, 7);
        MotSequence derived = ScenarioGenerator.generate(TUD, scenario, out);

        int first = scenario.firstFrame();
        assertThat(first).isBetween(1, 3);
        assertThat(derived.length()).isEqualTo((TUD.length() - first) / 3 + 1);
        assertThat(derived.fps()).isEqualTo(TUD.fps());
        assertThat(derived.width()).isEqualTo(320);
        assertThat(derived.height()).isEqualTo(240);
        byte[] image = Files.readAllBytes(out.resolve("img1/000002.jpg"));
        assertThat(ImageHeader.read(image)).contains(new ImageHeader.Size(320, 240));

        List<GtBox> original = TUD.truthOf(first + 3);
        List<GtBox> carried = derived.truthOf(2);
        assertThat(carried).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat(carried.get(i).x()).isCloseTo(original.get(i).x() / 2, within(0.01f));
            assertThat(carried.get(i).height()).isCloseTo(original.get(i).height() / 2, within(0.01f));
            assertThat(carried.get(i).ignore()).isEqualTo(original.get(i).ignore());
        }
    }

    @Test
    void shouldBeDeterministicForASeedAndKeepFramesAtScaleOne(@TempDir Path a, @TempDir Path b) throws Exception {
        MotSequence one = ScenarioGenerator.generate(TUD, new Scenario(2, 1, 12.5, 42), a);
        MotSequence two = ScenarioGenerator.generate(TUD, new Scenario(2, 1, 12.5, 42), b);
        assertThat(one.truth()).isEqualTo(two.truth());
        assertThat(one.fps()).isEqualTo(12.5);
        int first = new Scenario(2, 1, 12.5, 42).firstFrame();
        assertThat(Files.mismatch(a.resolve("img1/000001.jpg"),
                TUD.folder().resolve(String.format("img1/%06d.jpg", first)))).isEqualTo(-1L);
    }
}
