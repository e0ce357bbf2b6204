package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StalenessModelTest {

    @Test
    void shouldShowFreshBoxesWhenTheDetectorKeepsUp() {
        assertThat(StalenessModel.weights(30, 40)).containsExactly(1.0);
    }

    @Test
    void shouldShowBoxesTwoToFourFramesOldAtTwoAndAHalfFrameIntervals() {
        // Worked by hand: frames every 10 ms, 25 ms per detection, a frame arriving just as the
        // detector frees up is taken; the pattern repeats every 5 frames with ages 2, 3 (result of one
        // frame) and 2, 3, 4 (the next).
        double[] w = StalenessModel.weights(25, 10);
        assertThat(w).hasSize(5);
        assertThat(w[0]).isZero();
        assertThat(w[1]).isZero();
        assertThat(w[2]).isCloseTo(0.4, within(0.02));
        assertThat(w[3]).isCloseTo(0.4, within(0.02));
        assertThat(w[4]).isCloseTo(0.2, within(0.02));
    }

    @Test
    void shouldSumToOne() {
        for (double latency : new double[] {0, 5, 39, 41, 95, 333}) {
            assertThat(java.util.Arrays.stream(StalenessModel.weights(latency, 40)).sum()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void shouldAgeBoxesWhenAJitteryDetectorOverrunsTheIntervalOnAverageFitting() {
        // mean 35 ms at 40 ms frames: a steady detector keeps up, one alternating 20/50 ms does not
        assertThat(StalenessModel.weights(35, 40)).containsExactly(1.0);
        double[] jittery = StalenessModel.weights(new double[] {20, 50}, 40);
        assertThat(jittery[0]).isLessThan(1.0);
        assertThat(jittery.length).isGreaterThan(1);
    }
}
