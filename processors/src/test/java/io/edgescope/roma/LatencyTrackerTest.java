package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyTrackerTest {

    @Test
    void shouldScaleOtherVariantsByHowMuchSlowerTheHostRunsNow() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 4, false, 0);
        assertThat(t.estimate("big")).isEqualTo(40.0);
        assertThat(t.samples("big", 1)).as("unmeasured: profiled, faster or slower").containsExactly(32.0, 40.0, 50.0);
        t.observe("small", 20);
        t.observe("small", 30);
        assertThat(t.loadFactor()).isCloseTo(2.5, within(1e-12));
        assertThat(t.estimate("big")).isCloseTo(100, within(1e-9));
        assertThat(t.samples("big", 1)).containsExactly(80.0, 120.0);
    }

    @Test
    void shouldKeepTheHostLoadWithoutTheContentionAMeasurementRanUnder() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 4, false, 0);
        t.observe("small", 30, 2, 0, 2);
        assertThat(t.loadFactor()).as("10 ms alone, 30 measured at twice the contention").isCloseTo(1.5, within(1e-12));
        assertThat(t.samples("big", 1)).containsExactly(60.0);
        assertThat(t.samples("big", 2)).containsExactly(120.0);
        assertThat(t.estimate("big", 1.5)).isCloseTo(90, within(1e-9));
    }

    @Test
    void shouldKeepHowMuchMoreTheOtherStreamsOverlappedItsDetectionsThanTheirDutyCyclesSaid() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 2, false, 0);
        assertThat(t.overlapFactor()).as("none measured").isEqualTo(1);
        t.observe("small", 30, 2, 0, 1.5);
        t.observe("small", 10, 1, 0, 1);
        assertThat(t.overlapFactor()).isCloseTo(1.5 / 1.25, within(1e-12));
        t.observe("small", 10, 1.2, 0, 1.2);
        assertThat(t.overlapFactor()).as("the window's only; measured as modelled").isCloseTo(2.2 / 2.2, within(1e-12));
    }

    @Test
    void shouldAddTheTimeBesidesTheDetectorToEveryVariantUnscaled() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 4, false, 0);
        t.observe("small", 20, 1, 6, 1);
        t.observe("small", 20, 1, 10, 1);
        assertThat(t.loadFactor()).as("the detector's own latency sets the load").isCloseTo(2, within(1e-12));
        assertThat(t.overhead()).isCloseTo(8, within(1e-12));
        assertThat(t.samples("big", 1)).as("each sample with its own frame's decoding").containsExactly(86.0, 90.0);
        assertThat(t.estimate("big")).isCloseTo(88, within(1e-9));
        assertThat(t.estimate("small")).isCloseTo(28, within(1e-9));
    }

    @Test
    void shouldForgetMeasurementsOlderThanTheWindow() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 2, false, 0);
        t.observe("small", 50);
        t.observe("small", 10);
        t.observe("small", 10);
        assertThat(t.loadFactor()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldIgnoreVariantsOutsideTheProfile() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 2, false, 0);
        t.observe("unknown", 500);
        assertThat(t.loadFactor()).isEqualTo(1.0);
    }

    @Test
    void shouldLearnThatAVariantRunsSlowerUnderLoadThanTheOthersWhenSwitchingToIt() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, true, 0);
        for (int i = 0; i < 6; i++) {
            t.observe("small", 20);
        }
        assertThat(t.estimate("big")).isCloseTo(80, within(1e-9));
        for (int i = 0; i < 3; i++) {
            t.observe("big", 160);
        }
        t.observe("small", 20);
        assertThat(t.speedOf("big")).isGreaterThan(1.5);
        assertThat(t.estimate("big")).isGreaterThan(120);
        assertThat(t.loadFactor()).isCloseTo(2.0, within(0.3));
    }

    @Test
    void shouldNotLearnASpeedFromASwitchAfterTooFewFramesToKnowTheLoad() {
        // the stream's first frame ran big at twice its offline latency (a cold start) and the stream moved to small at once:
        // small at its offline latency is not twice as fast as big
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, true, 0);
        t.observe("big", 80);
        for (int i = 0; i < 3; i++) {
            t.observe("small", 10);
        }
        assertThat(t.speedOf("small")).isEqualTo(1.0);
        assertThat(t.estimate("big")).as("big priced at the load small measured, not at half of it").isCloseTo(40 * 1.25, within(1e-9));
    }

    @Test
    void shouldCalibrateAgainstTheUsualLoadBeforeASwitchNotOneSlowFrame() {
        // five frames of big as offline, then one at three times it — the spike that made the stream switch to small, which
        // then runs as offline: small is as fast as big, not three times faster
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, true, 0);
        for (int i = 0; i < 5; i++) {
            t.observe("big", 40);
        }
        t.observe("big", 120);
        for (int i = 0; i < 3; i++) {
            t.observe("small", 10);
        }
        assertThat(t.speedOf("small")).isCloseTo(1.0, within(1e-9));
    }

    /** Six frames of big under the others' contention {@code before}, then three of small (10 ms offline, 20 measured) under {@code after}. */
    private static LatencyTracker switchWhileOthersGo(double before, double after) {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, true, 0);
        for (int i = 0; i < 6; i++) {
            t.observe("big", 160, before, 0, before);
        }
        for (int i = 0; i < 3; i++) {
            t.observe("small", 20, after, 0, after);
        }
        return t;
    }

    @Test
    void shouldLearnASpeedFromASwitchWhileTheOtherStreamsLoadStays() {
        assertThat(switchWhileOthersGo(2.8, 2.8).speedOf("small")).as("small ran at half the load big did").isLessThan(0.6);
    }

    @Test
    void shouldNotLearnASpeedFromASwitchWhenTheOtherStreamsStepDownAtTheSameTime() {
        // the others' duty cycles fell with this stream's switch (three cameras leaving 416 with it): their drop in load is
        // not small's speed
        assertThat(switchWhileOthersGo(2.8, 2.4).speedOf("small")).isEqualTo(1.0);
    }

    @Test
    void shouldKeepTheSpeedLearntBeforeWhenACalibrationIsDropped() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, true, 0);
        for (int i = 0; i < 6; i++) {
            t.observe("small", 10, 2, 0, 2);
        }
        for (int i = 0; i < 3; i++) {
            t.observe("big", 120, 2, 0, 2);
        }
        double learnt = t.speedOf("big");
        assertThat(learnt).isGreaterThan(1.2);
        for (int i = 0; i < 6; i++) {
            t.observe("small", 10, 2, 0, 2);
        }
        t.observe("big", 40, 2, 0, 2);
        t.observe("big", 40, 1, 0, 1);

        assertThat(t.speedOf("big")).as("the first frame's lesson undone with the rest").isEqualTo(learnt);
    }

    @Test
    void shouldLetALearntSpeedDriftBackSoAVariantMeasuredSlowOnceIsTriedAgain() {
        int halfLife = 10;
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, true, halfLife);
        for (int i = 0; i < 6; i++) {
            t.observe("small", 20);
        }
        for (int i = 0; i < 3; i++) {
            t.observe("big", 160);
        }
        double learnt = t.speedOf("big");
        assertThat(learnt).isGreaterThan(1.5);
        for (int i = 0; i < halfLife; i++) {
            t.observe("small", 20);
        }
        assertThat(t.speedOf("big")).as("half the way back to 1 after one half-life").isCloseTo(1 + (learnt - 1) / 2, within(1e-9));
        for (int i = 0; i < 10 * halfLife; i++) {
            t.observe("small", 20);
        }
        assertThat(t.speedOf("big")).isCloseTo(1.0, within(0.01));
    }

    @Test
    void shouldScaleEveryVariantByTheLoadAloneWhenNotLearningSpeeds() {
        LatencyTracker t = new LatencyTracker(RomaFixtures.profile(), 6, false, 0);
        for (int i = 0; i < 6; i++) {
            t.observe("small", 20);
        }
        for (int i = 0; i < 3; i++) {
            t.observe("big", 160);
        }
        t.observe("small", 20);
        assertThat(t.speedOf("big")).isEqualTo(1.0);
        assertThat(t.loadFactor()).isCloseTo((3 * 2.0 + 3 * 4.0) / 6, within(1e-9));
        assertThat(t.estimate("big")).isCloseTo(40 * t.loadFactor(), within(1e-9));
    }
}
