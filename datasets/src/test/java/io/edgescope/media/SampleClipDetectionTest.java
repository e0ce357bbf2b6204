package io.edgescope.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.Detection;
import io.edgescope.detect.Detector;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.detect.onnx.ModelFamily;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.image.ImageCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * YOLOX-Nano on named frames of vtest.avi. The expected people were counted and located by looking
 * at the annotated frames (demo output): frame 0 has three walkers, frame 40 a group of three by the
 * sign post, two walking together on the right and one entering at the right edge.
 */
class SampleClipDetectionTest {

    private static final float CONFIDENT = 0.6f;
    private static final double CENTRE_TOLERANCE_PX = 15;
    private static final Map<Integer, double[][]> PEOPLE_CENTRES = Map.of(
            0, new double[][] {{267, 262}, {517, 195}, {663, 280}},
            40, new double[][] {{388, 216}, {409, 220}, {448, 225}, {585, 282}, {617, 278}, {752, 333}});

    @Test
    void shouldFindThePeopleThatAreOnNamedFramesOfTheSampleClip() {
        Path shared = SharedFolder.find().orElseThrow();
        Path clip = shared.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName());
        ImageCodec codec = new ImageCodec(10_000_000L);
        try (OnnxDetectorModel model = OnnxDetectorModel.load(shared.resolve("models").resolve(Asset.YOLOX_NANO.fileName()),
                ModelFamily.YOLOX, new DetectorSettings(0.3f, 0.45f, 2, false));
             Detector detector = model.newDetector();
             FrameSource source = FrameSources.open(clip.toString(), 95)) {
            for (int index = 0; index <= 40; index++) {
                EncodedFrame frame = source.next().orElseThrow();
                double[][] expected = PEOPLE_CENTRES.get(index);
                if (expected == null) {
                    continue;
                }
                List<Detection> people = detector.detect(codec.decode(frame.image())).detections().stream()
                        .filter(d -> d.classId() == CocoLabels.PERSON && d.score() >= CONFIDENT).toList();
                assertThat(people).as("confident people on frame %d", index).hasSize(expected.length);
                List<Detection> unmatched = new ArrayList<>(people);
                for (double[] centre : expected) {
                    Detection nearest = unmatched.stream().min((a, b) -> Double.compare(distance(a, centre), distance(b, centre)))
                            .orElseThrow();
                    assertThat(distance(nearest, centre)).as("person near %s on frame %d", java.util.Arrays.toString(centre), index)
                            .isLessThan(CENTRE_TOLERANCE_PX);
                    unmatched.remove(nearest);
                }
            }
        }
    }

    private static double distance(Detection d, double[] centre) {
        return Math.hypot(d.x() + d.width() / 2 - centre[0], d.y() + d.height() / 2 - centre[1]);
    }
}
