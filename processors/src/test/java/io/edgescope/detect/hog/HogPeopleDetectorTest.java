package io.edgescope.detect.hog;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.image.ImageCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HogPeopleDetectorTest {

    @Test
    void shouldFindALargePedestrianOnTudCampus() throws Exception {
        Path sequence = SharedFolder.find().orElseThrow().resolve("datasets/TUD-Campus");
        BgrImage frame = new ImageCodec(10_000_000L).decode(Files.readAllBytes(sequence.resolve("img1/000001.jpg")));
        List<Detection> truth = Files.readAllLines(sequence.resolve("gt/gt.txt")).stream().map(l -> l.split(","))
                .filter(f -> f[0].strip().equals("1"))
                .map(f -> new Detection(0, "person", 1f, Float.parseFloat(f[2]), Float.parseFloat(f[3]), Float.parseFloat(f[4]),
                        Float.parseFloat(f[5]))).toList();
        try (HogPeopleDetector hog = new HogPeopleDetector(0.3f, 0.45f)) {
            List<Detection> people = hog.detect(frame).detections();
            assertThat(people).allMatch(p -> p.label().equals("person"));
            assertThat(people).anyMatch(p -> truth.stream().anyMatch(t -> t.iou(p) >= 0.5f));
        }
    }

    @Test
    void shouldAnswerNothingOnAnEmptyScene() {
        try (HogPeopleDetector hog = new HogPeopleDetector(0.3f, 0.45f)) {
            assertThat(hog.detect(new BgrImage(640, 480, new byte[640 * 480 * 3])).detections()).isEmpty();
        }
    }
}
