package io.edgescope.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.yolox.YoloxPreprocessor;
import io.edgescope.image.ImageCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphPartitionerTest {

    private static final int SIZE = 416;
    private static final float TOLERANCE = 1e-4f;
    private static final int MAX_TENSORS = 3;
    private static final double OUTPUT_RESHAPING = 0.99;
    private static byte[] model;
    private static OnnxGraph graph;
    private static Activation input;
    private static float[] expected;

    @BeforeAll
    static void load() throws Exception {
        Path shared = SharedFolder.find().orElseThrow();
        model = Files.readAllBytes(shared.resolve("models/yolox_nano.onnx"));
        graph = OnnxGraph.parse(model);
        BgrImage frame = new ImageCodec(10_000_000L).decode(Files.readAllBytes(shared.resolve("datasets/PETS09-S2L1/img1/000001.jpg")));
        YoloxPreprocessor pre = new YoloxPreprocessor(SIZE);
        float[] tensor = new float[pre.tensorLength()];
        pre.preprocess(frame, tensor);
        input = new Activation(graph.inputs().get(0), new long[] {1, 3, SIZE, SIZE}, tensor);
        try (OrtModelRunner full = new OrtModelRunner(model, 2)) {
            expected = full.run(List.of(input)).get(0).values();
        }
    }

    @Test
    void shouldFindTheSingleTensorCutAfterBackboneStage3AndTheThreeTensorCutsOfThePyramid() {
        List<CutPoint> cuts = GraphPartitioner.cutPoints(graph, MAX_TENSORS);
        assertThat(cuts).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("Mul_115");
            assertThat(c.tensors()).hasSize(1);
        });
        assertThat(cuts).filteredOn(c -> c.id().equals("Mul_196") || c.id().equals("Mul_298")).allSatisfy(c -> assertThat(c.tensors()).hasSize(3));
        // besides the output's last reshaping, single-tensor cuts stop in the first half of the graph (backbone stage 3)
        assertThat(cuts).filteredOn(c -> c.tensors().size() == 1 && c.headShare() < OUTPUT_RESHAPING)
                .allSatisfy(c -> assertThat(c.headShare()).isLessThan(0.5));
    }

    @Test
    void shouldReproduceTheFullModelFromHeadAndTailAtEveryCut() {
        List<CutPoint> cuts = GraphPartitioner.cutPoints(graph, MAX_TENSORS);
        assertThat(cuts).isNotEmpty();
        for (CutPoint cut : cuts) {
            SplitModel split = GraphPartitioner.split(graph, cut);
            try (OrtModelRunner head = new OrtModelRunner(split.head(), 2); OrtModelRunner tail = new OrtModelRunner(split.tail(), 2)) {
                List<Activation> crossing = head.run(List.of(input));
                assertThat(crossing).as(cut.id()).extracting(Activation::name).containsExactlyInAnyOrderElementsOf(cut.tensors());
                float[] out = tail.run(crossing).get(0).values();
                assertThat(out).as(cut.id()).hasSameSizeAs(expected);
                float worst = 0;
                for (int i = 0; i < out.length; i++) {
                    worst = Math.max(worst, Math.abs(out[i] - expected[i]));
                }
                assertThat(worst).as("max |tail(head(x)) - model(x)| at " + cut.id()).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    @Test
    void shouldRefuseACutWhereTheModelCannotBeCut() {
        assertThatThrownBy(() -> GraphPartitioner.cutPoint(graph, "no-such-node", MAX_TENSORS)).hasMessageContaining("cannot be cut after 'no-such-node'");
    }
}
