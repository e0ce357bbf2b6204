package io.edgescope.detect.fastestdet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.Detection;
import io.edgescope.detect.Detector;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.detect.onnx.ModelFamily;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.image.ImageCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastestDetTest {

    private static final Path SHARED = SharedFolder.find().orElseThrow();

    @Test
    void shouldDecodeCentreOffsetsSizesAndScoreAsUpstream() {
        int grid = 2;
        List<String> labels = List.of("person", "car");
        int cells = grid * grid;
        float[] out = new float[(5 + labels.size()) * cells];
        int cell = 1 * grid + 0; // gy = 1, gx = 0
        out[cell] = 0.81f;                   // objectness
        out[cells + cell] = 0f;              // tanh(0) = 0: centre x at the cell's left edge
        out[2 * cells + cell] = 0f;
        out[3 * cells + cell] = 0f;          // sigmoid(0) = 0.5 of the image
        out[4 * cells + cell] = 0f;
        out[(5 + 1) * cells + cell] = 0.16f; // car
        List<Detection> boxes = new FastestDetDecoder(100, labels, 0.1f).decode(out);
        assertThat(boxes).hasSize(1);
        Detection d = boxes.get(0);
        assertThat(d.label()).isEqualTo("car");
        assertThat(d.score()).isCloseTo((float) (Math.pow(0.81, 0.6) * Math.pow(0.16, 0.4)), within(1e-6f));
        assertThat(d.width()).isCloseTo(50f, within(1e-4f));
        assertThat(d.x() + d.width() / 2).isCloseTo(0f, within(1e-4f));
        assertThat(d.y() + d.height() / 2).isCloseTo(50f, within(1e-4f));
    }

    @Test
    void shouldRunTheShippedModelAndFindPedestrians() throws Exception {
        Path model = SHARED.resolve(Asset.FASTESTDET.folder()).resolve(Asset.FASTESTDET.fileName());
        BgrImage frame = new ImageCodec(10_000_000L).decode(Files.readAllBytes(SHARED.resolve("datasets/PETS09-S2L1/img1/000001.jpg")));
        try (OnnxDetectorModel loaded = OnnxDetectorModel.load(model, ModelFamily.FASTESTDET, new DetectorSettings(0.3f, 0.45f, 2, false));
             Detector detector = loaded.newDetector()) {
            assertThat(loaded.inputSize()).isEqualTo(352);
            assertThat(loaded.variantId()).isEqualTo("fastestdet-352");
            List<Detection> people = detector.detect(frame).detections().stream()
                    .filter(d -> d.classId() == CocoLabels.PERSON && d.score() >= 0.5f).toList();
            // the three labelled walkers of frame 1, centres as in the ground truth (gt.txt, frame 1)
            for (double[] centre : new double[][] {{274.5, 263.4}, {514.5, 195.6}, {654.2, 282.5}}) {
                assertThat(people).as("a person near %s", java.util.Arrays.toString(centre)).anyMatch(p ->
                        Math.hypot(p.x() + p.width() / 2 - centre[0], p.y() + p.height() / 2 - centre[1]) < 20);
            }
        }
    }
}
