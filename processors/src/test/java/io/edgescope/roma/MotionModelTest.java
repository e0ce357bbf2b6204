package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MotionModelTest {

    @Test
    void shouldMeasureSpeedInBoxSizesPerFrame() {
        MotionModel motion = new MotionModel(50, 0.02);
        motion.observe(RomaFixtures.boxes(3, 100, 0), RomaFixtures.boxes(3, 100, 20), 2);
        assertThat(motion.samples()).isEqualTo(3);
        assertThat(motion.medianSpeed()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void shouldKeepHitsWhileTheOverlapStaysAboveTheIouThreshold() {
        MotionModel motion = new MotionModel(50, 0.02);
        motion.observe(RomaFixtures.boxes(3, 100, 0), RomaFixtures.boxes(3, 100, 20), 2);
        // 0.1 box per frame: after 3 frames the overlap is 0.7 (IoU 0.54), after 4 it is 0.6 (IoU 0.43)
        assertThat(motion.retention(3, 0.5)).isEqualTo(1.0);
        assertThat(motion.retention(4, 0.5)).isEqualTo(0.0);
    }

    @Test
    void shouldGiveTheSameRetentionOnceComputedPerStalenessWithinADecision() {
        MotionModel motion = new MotionModel(50, 0.02);
        motion.observe(RomaFixtures.boxes(3, 100, 0), RomaFixtures.boxes(3, 100, 20), 2);
        motion.observe(RomaFixtures.boxes(2, 60, 0), RomaFixtures.boxes(2, 60, 9), 1);
        java.util.function.IntToDoubleFunction now = motion.retentionNow(0.5);
        for (int staleness : new int[] {7, 0, 3, 12, 3, 1, 40, 2, 4, -1}) {
            assertThat(now.applyAsDouble(staleness)).as("staleness %d", staleness).isEqualTo(motion.retention(staleness, 0.5));
        }
    }

    @Test
    void shouldUseThePriorBeforeAnyMotionIsMeasured() {
        MotionModel motion = new MotionModel(50, 0.1);
        assertThat(motion.retention(0, 0.5)).isEqualTo(1.0);
        assertThat(motion.retention(2, 0.5)).isCloseTo(0.81, within(1e-9));
    }

    @Test
    void shouldNotMatchBoxesOfVeryDifferentSizes() {
        MotionModel motion = new MotionModel(50, 0.02);
        motion.observe(RomaFixtures.boxes(1, 100, 0), RomaFixtures.boxes(1, 300, 0), 1);
        assertThat(motion.samples()).isZero();
    }
}
