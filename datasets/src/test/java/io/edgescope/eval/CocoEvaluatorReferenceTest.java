package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Our evaluator against pycocotools' COCOeval on a seeded synthetic fixture (60 images, 151 boxes,
 * 206 detections, all three size buckets); see make_coco_fixture.py beside the fixture for how it was made.
 */
class CocoEvaluatorReferenceTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void shouldMatchPycocotoolsOnTheFixture() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("coco_fixture.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        Map<Integer, List<GtBox>> truth = new TreeMap<>();
        Map<Integer, List<ScoredBox>> dets = new TreeMap<>();
        for (JsonNode image : fixture.get("images")) {
            truth.put(image.get("id").asInt(), new ArrayList<>());
            dets.put(image.get("id").asInt(), new ArrayList<>());
        }
        for (JsonNode a : fixture.get("annotations")) {
            JsonNode b = a.get("bbox");
            int image = a.get("image_id").asInt();
            truth.get(image).add(new GtBox(image, (float) b.get(0).asDouble(), (float) b.get(1).asDouble(),
                    (float) b.get(2).asDouble(), (float) b.get(3).asDouble(), false));
        }
        for (JsonNode d : fixture.get("detections")) {
            JsonNode b = d.get("bbox");
            dets.get(d.get("image_id").asInt()).add(new ScoredBox((float) b.get(0).asDouble(), (float) b.get(1).asDouble(),
                    (float) b.get(2).asDouble(), (float) b.get(3).asDouble(), (float) d.get("score").asDouble()));
        }
        List<FrameData> frames = new ArrayList<>();
        truth.forEach((image, gts) -> frames.add(new FrameData(image, gts, dets.get(image))));

        ApResult ours = CocoEvaluator.coco().evaluate(frames);
        JsonNode expected = fixture.get("expected");
        assertThat(ours.ap()).isCloseTo(expected.get("ap").asDouble(), within(TOLERANCE));
        assertThat(ours.ap50()).isCloseTo(expected.get("ap50").asDouble(), within(TOLERANCE));
        assertThat(ours.apBySize().get("small")).isCloseTo(expected.get("ap_small").asDouble(), within(TOLERANCE));
        assertThat(ours.apBySize().get("medium")).isCloseTo(expected.get("ap_medium").asDouble(), within(TOLERANCE));
        assertThat(ours.apBySize().get("large")).isCloseTo(expected.get("ap_large").asDouble(), within(TOLERANCE));
    }
}
