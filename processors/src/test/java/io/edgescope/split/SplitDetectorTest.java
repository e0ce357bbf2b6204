package io.edgescope.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
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

class SplitDetectorTest {

    private static final int SIZE = 416;
    private static final DetectorSettings SETTINGS = new DetectorSettings(0.3f, 0.45f, 2, false);

    @Test
    void shouldDetectWhatTheWholeModelDetectsWhenSplitWithALosslessLayer() throws Exception {
        Path shared = SharedFolder.find().orElseThrow();
        Path modelFile = shared.resolve("models/yolox_nano.onnx");
        BgrImage frame = new ImageCodec(10_000_000L).decode(Files.readAllBytes(shared.resolve("datasets/PETS09-S2L1/img1/000001.jpg")));
        List<Detection> whole;
        try (OnnxDetectorModel model = OnnxDetectorModel.load(modelFile, ModelFamily.YOLOX, SETTINGS); Detector d = model.newDetector()) {
            whole = d.detect(frame).detections();
        }
        OnnxGraph graph = OnnxGraph.parse(Files.readAllBytes(modelFile));
        SplitModel split = GraphPartitioner.split(graph, GraphPartitioner.cutPoint(graph, "Mul_115", 1));
        try (SplitDetector d = new SplitDetector("yolox-nano-416@Mul_115", split, TransferLayers.byId(TransferLayers.RAW + TransferLayers.ZSTD),
                SIZE, SETTINGS.scoreThreshold(), SETTINGS.nmsIou(), 2)) {
            List<Detection> parts = d.detect(frame).detections();
            assertThat(parts).hasSameSizeAs(whole);
            for (int i = 0; i < whole.size(); i++) {
                assertThat(parts.get(i).x()).isCloseTo(whole.get(i).x(), within(0.01f));
                assertThat(parts.get(i).score()).isCloseTo(whole.get(i).score(), within(1e-4f));
            }
            assertThat(d.lastPayloadBytes()).isPositive().isLessThan(64L * 52 * 52 * Float.BYTES);
        }
    }

    @Test
    void shouldRefuseAPayloadThatDoesNotMatchTheCut() throws Exception {
        Path shared = SharedFolder.find().orElseThrow();
        OnnxGraph graph = OnnxGraph.parse(Files.readAllBytes(shared.resolve("models/yolox_nano.onnx")));
        SplitModel split = GraphPartitioner.split(graph, GraphPartitioner.cutPoint(graph, "Mul_115", 1));
        TransferLayer raw = TransferLayers.byId(TransferLayers.RAW);
        try (SplitTail tail = new SplitTail(split, raw, SIZE, new io.edgescope.detect.yolox.YoloxDecoder(SIZE,
                io.edgescope.detect.CocoLabels.names(), 0.3f), 0.45f, 1)) {
            byte[] wrong = raw.encode(List.of(new Activation("not-the-cut", new long[] {1, 4}, new float[4])));
            assertThatThrownBy(() -> tail.run(wrong, 640, 480)).hasMessageContaining("do not match cut Mul_115");
        }
    }
}
