package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.StageTimings;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoGroundTruthTest {

    /** Reports a confident person, a doubtful person and a confident car on every frame. */
    private static final class ThreeBoxes implements Detector {
        @Override
        public String variantId() {
            return "fake-v1";
        }

        @Override
        public DetectionResult detect(BgrImage image) {
            return new DetectionResult(List.of(new Detection(0, "person", 0.9f, 10, 20, 30, 60),
                    new Detection(0, "person", 0.2f, 100, 20, 30, 60), new Detection(2, "car", 0.9f, 200, 20, 80, 40)),
                    new StageTimings(0, 0, 0));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldKeepConfidentBoxesOfTheLabelAndSayItIsPseudo(@TempDir Path out) throws Exception {
        Path tud = SharedFolder.find().orElseThrow().resolve("datasets/TUD-Campus");
        MotSequence seq;
        try (FrameSource source = FrameSources.open(tud.toString(), 90)) {
            seq = PseudoGroundTruth.write(source, new ThreeBoxes(), new ImageCodec(10_000_000L), out, "person", 0.5f, 3);
        }
        assertThat(seq.length()).isEqualTo(3);
        assertThat(seq.fps()).isEqualTo(25.0);
        assertThat(seq.pseudoGroundTruthBy()).startsWith("fake-v1");
        assertThat(seq.truthOf(2)).containsExactly(new GtBox(2, 10, 20, 30, 60, false));
        assertThat(Files.mismatch(out.resolve("img1/000001.jpg"), tud.resolve("img1/000001.jpg"))).isEqualTo(-1L);
    }
}
