package io.edgescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.detect.onnx.ModelLoadException;
import io.edgescope.detect.onnx.ModelFamily;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.image.ImageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real YOLOX-Nano model on real, labelled frames (PETS09-S2L1 from ../shared/datasets). */
class OnnxDetectorModelTest {

    private static final float MATCH_IOU = 0.5f;
    private static final float CONFIDENT = 0.5f;
    /** Measured: every labelled pedestrian of frames 1, 200, 400 is found (3/3, 5/5, 3/3). */
    private static final double MIN_RECALL = 0.9;
    /** Measured: 3/3, 5/7, 3/4 confident boxes match a labelled pedestrian (the rest match no labelled box). */
    private static final double MIN_PRECISION = 0.6;
    private static final long MAX_PIXELS = 10_000_000L;
    private static Path shared;
    private static OnnxDetectorModel model;

    @BeforeAll
    static void loadModel() {
        shared = SharedFolder.find().orElseThrow(() -> new IllegalStateException("../shared is required for this test"));
        model = OnnxDetectorModel.load(shared.resolve(Asset.YOLOX_NANO.folder()).resolve(Asset.YOLOX_NANO.fileName()),
                ModelFamily.YOLOX, new DetectorSettings(0.3f, 0.45f, 2, false));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void shouldReadInputSizeFromTheModel() {
        assertThat(model.inputSize()).isEqualTo(416);
        assertThat(model.variantId()).isEqualTo("yolox-nano-416");
    }

    @Test
    void shouldFindMostLabelledPedestriansOnPets09Frames() throws IOException {
        Path sequence = shared.resolve("datasets/PETS09-S2L1");
        List<String> gt = Files.readAllLines(sequence.resolve("gt/gt.txt"));
        ImageCodec codec = new ImageCodec(MAX_PIXELS);
        try (Detector detector = model.newDetector()) {
            for (int frame : new int[] {1, 200, 400}) {
                BgrImage image = codec.decode(Files.readAllBytes(sequence.resolve(String.format("img1/%06d.jpg", frame))));
                List<Detection> people = detector.detect(image).detections().stream()
                        .filter(d -> d.classId() == CocoLabels.PERSON).toList();
                List<Detection> truth = groundTruth(gt, frame);
                long found = truth.stream().filter(t -> people.stream().anyMatch(p -> p.iou(t) >= MATCH_IOU)).count();
                assertThat(truth).as("ground truth of frame %d", frame).isNotEmpty();
                assertThat((double) found / truth.size()).as("recall on frame %d (%d of %d)", frame, found, truth.size())
                        .isGreaterThanOrEqualTo(MIN_RECALL);
                List<Detection> confident = people.stream().filter(p -> p.score() >= CONFIDENT).toList();
                long correct = confident.stream().filter(p -> truth.stream().anyMatch(t -> t.iou(p) >= MATCH_IOU)).count();
                assertThat((double) correct / confident.size()).as("precision of confident boxes on frame %d", frame)
                        .isGreaterThanOrEqualTo(MIN_PRECISION);
            }
        }
    }

    @Test
    void shouldFailClearlyWhenTheModelFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> OnnxDetectorModel.load(dir.resolve("nope.onnx"), ModelFamily.YOLOX, DetectorSettings.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("Model file not found");
    }

    @Test
    void shouldFailClearlyWhenTheModelFileIsCorrupt(@TempDir Path dir) throws IOException {
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.write(corrupt, "this is not an onnx model".getBytes());
        assertThatThrownBy(() -> OnnxDetectorModel.load(corrupt, ModelFamily.YOLOX, DetectorSettings.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a valid ONNX model");
    }

    private static List<Detection> groundTruth(List<String> lines, int frame) {
        return lines.stream().map(l -> l.split(","))
                .filter(f -> Integer.parseInt(f[0].trim()) == frame && Integer.parseInt(f[6].trim()) == 1)
                .map(f -> new Detection(CocoLabels.PERSON, "person", 1f, Float.parseFloat(f[2]), Float.parseFloat(f[3]),
                        Float.parseFloat(f[4]), Float.parseFloat(f[5])))
                .toList();
    }
}
