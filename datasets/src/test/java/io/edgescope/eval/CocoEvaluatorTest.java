package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CocoEvaluatorTest {

    private static final CocoEvaluator EVAL = CocoEvaluator.coco();

    static GtBox gt(int frame, float x, float y) {
        return new GtBox(frame, x, y, 40, 100, false);
    }

    static ScoredBox det(float x, float y, float score) {
        return new ScoredBox(x, y, 40, 100, score);
    }

    @Test
    void shouldScorePerfectDetectionsOne() {
        List<FrameData> frames = List.of(
                new FrameData(1, List.of(gt(1, 0, 0), gt(1, 100, 0)), List.of(det(0, 0, 0.9f), det(100, 0, 0.8f))),
                new FrameData(2, List.of(gt(2, 10, 0)), List.of(det(10, 0, 0.7f))));
        ApResult r = EVAL.evaluate(frames);
        assertThat(r.ap50()).isEqualTo(1.0, within(1e-12));
        assertThat(r.ap()).isEqualTo(1.0, within(1e-12));
        assertThat(r.recall50()).isEqualTo(1.0);
        assertThat(r.groundTruth()).isEqualTo(3);
    }

    @Test
    void shouldScoreNoDetectionsAndOnlyFalsePositivesZero() {
        assertThat(EVAL.evaluate(List.of(new FrameData(1, List.of(gt(1, 0, 0)), List.of()))).ap50()).isZero();
        assertThat(EVAL.evaluate(List.of(new FrameData(1, List.of(gt(1, 0, 0)), List.of(det(300, 300, 0.9f))))).ap50()).isZero();
    }

    @Test
    void shouldCountAHigherScoredDuplicateAsFalsePositive() {
        // dets by score: TP(A), FP(duplicate of A), TP(B) -> precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1
        // interpolated: 1.0 for recall 0.00..0.50 (51 points), 2/3 for 0.51..1.00 (50 points)
        List<FrameData> frames = List.of(new FrameData(1, List.of(gt(1, 0, 0), gt(1, 100, 0)),
                List.of(det(0, 0, 0.9f), det(0, 0, 0.8f), det(100, 0, 0.7f))));
        assertThat(EVAL.evaluate(frames).ap50()).isCloseTo((51 + 50 * 2.0 / 3) / 101, within(1e-12));
    }

    @Test
    void shouldNeitherMissNorPenaliseIgnoredTruth() {
        GtBox ignored = new GtBox(1, 200, 0, 40, 100, true);
        List<FrameData> matchedIgnore = List.of(new FrameData(1, List.of(gt(1, 0, 0), ignored),
                List.of(det(200, 0, 0.95f), det(0, 0, 0.8f))));
        assertThat(EVAL.evaluate(matchedIgnore).ap50()).isEqualTo(1.0, within(1e-12));
        List<FrameData> missedIgnore = List.of(new FrameData(1, List.of(gt(1, 0, 0), ignored), List.of(det(0, 0, 0.8f))));
        assertThat(EVAL.evaluate(missedIgnore).ap50()).isEqualTo(1.0, within(1e-12));
        assertThat(EVAL.evaluate(missedIgnore).groundTruth()).isEqualTo(1);
    }

    @Test
    void shouldSplitApBySizeBucket() {
        GtBox small = new GtBox(1, 0, 0, 10, 20, false);
        GtBox large = new GtBox(1, 200, 0, 100, 200, false);
        List<FrameData> frames = List.of(new FrameData(1, List.of(small, large),
                List.of(new ScoredBox(200, 0, 100, 200, 0.9f))));
        ApResult r = EVAL.evaluate(frames);
        assertThat(r.ap50BySize().get("large")).isEqualTo(1.0, within(1e-12));
        assertThat(r.ap50BySize().get("small")).isZero();
        assertThat(r.ap50BySize().get("medium")).isNaN();
    }

    @Test
    void shouldMeasureThePrecisionOfEachBucketsBoxesWithAllDetections() {
        GtBox large = new GtBox(1, 200, 0, 100, 200, false);
        // two large boxes: one on the object, one on nothing; a small box on nothing; no small object
        List<FrameData> frames = List.of(new FrameData(1, List.of(large, new GtBox(1, 0, 400, 10, 20, false)),
                List.of(new ScoredBox(200, 0, 100, 200, 0.9f), new ScoredBox(500, 0, 100, 200, 0.8f), new ScoredBox(0, 0, 10, 20, 0.7f))));
        ApResult r = EVAL.evaluate(frames);
        assertThat(r.precision50BySize().get("large")).isCloseTo(0.5, within(1e-9));
        assertThat(r.precision50BySize().get("small")).isZero();
        assertThat(r.precision50BySize().get("medium")).isNaN();
    }

    @Test
    void shouldScoreFinerBucketsBySideLength() {
        List<AreaRange> buckets = AreaRange.fromSideEdges(List.of(16.0, 64.0));
        assertThat(buckets).extracting(AreaRange::name).containsExactly("all", "0-16px", "16-64px", "64-px");
        GtBox tiny = new GtBox(1, 0, 0, 10, 10, false);
        GtBox mid = new GtBox(1, 100, 0, 30, 40, false);
        ApResult r = new CocoEvaluator(buckets).evaluate(List.of(new FrameData(1, List.of(tiny, mid),
                List.of(new ScoredBox(100, 0, 30, 40, 0.9f)))));
        assertThat(r.ap50BySize().get("16-64px")).isEqualTo(1.0, within(1e-12));
        assertThat(r.ap50BySize().get("0-16px")).isZero();
        assertThat(r.ap50BySize().get("64-px")).isNaN();
    }

    @Test
    void shouldRequireTighterBoxesForHigherThresholds() {
        // IoU 2800/5200 = 0.54 with the truth: a hit at 0.50 only -> AP50 1, AP 1/10
        ScoredBox shifted = new ScoredBox(12, 0, 40, 100, 0.9f);
        ApResult r = EVAL.evaluate(List.of(new FrameData(1, List.of(gt(1, 0, 0)), List.of(shifted))));
        assertThat(shifted.iou(gt(1, 0, 0))).isCloseTo(2800.0 / 5200, within(1e-9));
        assertThat(r.ap50()).isEqualTo(1.0, within(1e-12));
        assertThat(r.ap()).isCloseTo(0.1, within(1e-12));
    }

    @Property(tries = 100)
    void apIsOrderInvariantAndAtMostOne(@ForAll @IntRange(min = 1, max = 8) int frameCount, @ForAll long seed) {
        Random random = new Random(seed);
        List<FrameData> frames = randomFrames(frameCount, random);
        ApResult r = EVAL.evaluate(frames);
        List<FrameData> shuffled = new ArrayList<>();
        for (FrameData f : frames) {
            List<ScoredBox> dets = new ArrayList<>(f.detections());
            Collections.shuffle(dets, random);
            shuffled.add(new FrameData(f.frame(), f.truth(), dets));
        }
        Collections.shuffle(shuffled, random);
        ApResult again = EVAL.evaluate(shuffled);
        assertThat(Double.valueOf(again.ap50())).isEqualTo(Double.valueOf(r.ap50()));
        assertThat(Double.valueOf(again.ap())).isEqualTo(Double.valueOf(r.ap()));
        if (r.groundTruth() > 0) {
            assertThat(r.ap50()).isBetween(0.0, 1.0);
            assertThat(r.ap()).isBetween(0.0, r.ap50());
        } else {
            assertThat(r.ap50()).isNaN();
        }
    }

    /** Frames with a few truths and noisy detections with distinct scores (ties would make order matter, as in COCO). */
    static List<FrameData> randomFrames(int count, Random random) {
        List<FrameData> frames = new ArrayList<>();
        for (int f = 1; f <= count; f++) {
            List<GtBox> truth = new ArrayList<>();
            List<ScoredBox> dets = new ArrayList<>();
            for (int o = 0; o < 1 + random.nextInt(4); o++) {
                float x = random.nextInt(600);
                float y = random.nextInt(400);
                truth.add(new GtBox(f, x, y, 20 + random.nextInt(80), 40 + random.nextInt(120), random.nextInt(10) == 0));
                if (random.nextBoolean()) {
                    dets.add(new ScoredBox(x + random.nextInt(15), y + random.nextInt(15), 20 + random.nextInt(80),
                            40 + random.nextInt(120), random.nextFloat()));
                }
            }
            for (int n = 0; n < random.nextInt(3); n++) {
                dets.add(new ScoredBox(random.nextInt(600), random.nextInt(400), 30, 60, random.nextFloat()));
            }
            frames.add(new FrameData(f, truth, dets));
        }
        return frames;
    }
}
