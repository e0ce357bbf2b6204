package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyProfileFilesTest {

    @Test
    void shouldReadBackWhatItWritesWithUnmeasuredSizesAsNaN(@TempDir Path dir) {
        AccuracyProfile profile = AccuracyProfile.of(new SizeBuckets(List.of(0.05)), List.of(
                new VariantAccuracy("yolox-nano-320", 0.7, new double[] {Double.NaN, 0.8}, new double[] {Double.NaN, 0.9}, 8)));
        Path file = dir.resolve("p.json");
        AccuracyProfileFiles.write(profile, List.of("TUD-Campus"), file);
        AccuracyProfile back = AccuracyProfileFiles.read(file);
        assertThat(back).isEqualTo(profile);
        assertThat(back.variant("yolox-nano-320").ap50Of(0)).isEqualTo(0.7);
    }

    @Test
    void shouldShipAProfileOfTheDefaultCandidates() {
        AccuracyProfile shipped = AccuracyProfileFiles.shipped();
        assertThat(shipped.variants().keySet()).contains("yolox-nano-256", "yolox-nano-416", "yolox-nano-640");
        assertThat(shipped.variant("yolox-nano-640").ap50()).isBetween(0.5, 1.0);
    }

    @Test
    void shouldRefuseACandidateMissingFromTheProfile() {
        assertThatThrownBy(() -> AccuracyProfileFiles.only(AccuracyProfileFiles.shipped(), List.of("hog-480")))
                .hasMessageContaining("hog-480");
    }

    @Test
    void shouldRefuseAFileThatIsNotAProfile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> AccuracyProfileFiles.read(file)).hasMessageContaining("not an accuracy profile");
    }
}
