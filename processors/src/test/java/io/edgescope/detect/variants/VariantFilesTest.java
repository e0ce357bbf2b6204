package io.edgescope.detect.variants;

import io.edgescope.onnx.ProtoMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.io.TempDir;

class VariantFilesTest {

    private static final Path SHARED = SharedFolder.find().orElseThrow();
    private static final Path BASE = SHARED.resolve("models/yolox_nano.onnx");

    @Test
    void shouldRewriteUntouchedModelsByteForByte() throws Exception {
        byte[] model = Files.readAllBytes(BASE);
        assertThat(ProtoMessage.parse(model).toBytes()).isEqualTo(model);
    }

    @Test
    void shouldDeriveSmallerAndLargerVariantsThatDetectPeople(@TempDir Path cache) throws Exception {
        BgrImage frame = new ImageCodec(10_000_000L).decode(Files.readAllBytes(SHARED.resolve("datasets/PETS09-S2L1/img1/000001.jpg")));
        for (int size : new int[] {320, 640}) {
            Variant variant = Variant.byId("yolox-nano-" + size).orElseThrow();
            Path file = VariantFiles.materialize(BASE, variant, cache);
            assertThat(file.getParent()).isEqualTo(cache);
            assertThat(VariantFiles.materialize(BASE, variant, cache)).isEqualTo(file);
            try (OnnxDetectorModel model = OnnxDetectorModel.load(file, ModelFamily.YOLOX, new DetectorSettings(0.3f, 0.45f, 2, false));
                 Detector detector = model.newDetector()) {
                assertThat(model.inputSize()).isEqualTo(size);
                assertThat(model.variantId()).isEqualTo(variant.id());
                List<Detection> people = detector.detect(frame).detections().stream()
                        .filter(d -> d.classId() == CocoLabels.PERSON && d.score() >= 0.5f).toList();
                // frame 1 of PETS09-S2L1 has 3 labelled walkers (see OnnxDetectorModelTest)
                assertThat(people).as("people at %d", size).hasSizeBetween(2, 5);
            }
        }
    }

    @Test
    void shouldUseTheShippedModelForItsNativeSizeAndRefuseBadSizes(@TempDir Path cache) throws Exception {
        assertThat(VariantFiles.materialize(BASE, Variant.DEFAULT, cache)).isEqualTo(BASE);
        byte[] model = Files.readAllBytes(BASE);
        assertThatThrownBy(() -> OnnxInputResizer.resize(model, "images", 400, 80)).hasMessageContaining("multiple of 32");
        assertThatThrownBy(() -> OnnxInputResizer.resize(model, "pixels", 320, 80)).hasMessageContaining("no graph input named");
    }
}
