package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RealtimeSimulatorTest {

    private static final double PERIOD = 100;

    @Test
    void shouldShowTheLatestFinishedResultAndRunOnTheNewestFrame() {
        // frame 0 runs 0-150; frame 1 waits and runs 150-300; frame 2 runs 300-450
        RealtimeSimulator.Replay r = RealtimeSimulator.replay(new double[] {0, 100, 200}, new double[] {150, 150, 150}, PERIOD);
        assertThat(r.shownResultOf()).containsExactly(-1, 0, 1);
        assertThat(r.processed()).containsExactly(true, true, true);
        assertThat(r.meanStalenessFrames()).isEqualTo(1.0);
    }

    @Test
    void shouldTakeTheNewestFrameThatHasArrivedWhenTheDetectorIsFree() {
        double[] arrival = {0, 100, 200, 300};
        assertThat(RealtimeSimulator.newestArrived(arrival, 1, 250)).isEqualTo(2);
        assertThat(RealtimeSimulator.newestArrived(arrival, 1, 200)).as("a frame arriving at that very moment counts").isEqualTo(2);
        assertThat(RealtimeSimulator.newestArrived(arrival, 1, 50)).as("none later has arrived: the next one").isEqualTo(1);
        assertThat(RealtimeSimulator.newestArrived(arrival, 0, 1000)).isEqualTo(3);
    }

    @Test
    void shouldDropFramesSupersededWhileBusy() {
        // frame 0 runs 0-250: frames 1 and 2 arrive meanwhile; 2 is newest, so 1 is dropped; 2 runs 250-260,
        // in time to be shown on itself (until 300); 3 runs 300-310
        RealtimeSimulator.Replay r = RealtimeSimulator.replay(new double[] {0, 100, 200, 300}, new double[] {250, 10, 10, 10},
                PERIOD);
        assertThat(r.processed()).containsExactly(true, false, true, true);
        assertThat(r.droppedFraction()).isEqualTo(0.25);
        assertThat(r.shownResultOf()).containsExactly(-1, -1, 2, 3);
    }

    @Property(tries = 50)
    void realtimeApWithZeroLatencyEqualsOfflineAp(@ForAll @IntRange(min = 1, max = 10) int n, @ForAll long seed) {
        List<FrameData> frames = CocoEvaluatorTest.randomFrames(n, new Random(seed));
        double[] arrival = new double[n];
        for (int i = 0; i < n; i++) {
            arrival[i] = i * PERIOD;
        }
        RealtimeSimulator.Replay r = RealtimeSimulator.replay(arrival, new double[n], PERIOD);
        assertThat(r.droppedFraction()).isZero();
        ApResult offline = CocoEvaluator.coco().evaluate(frames);
        ApResult realtime = CocoEvaluator.coco().evaluate(r.shown(frames));
        assertThat(Double.valueOf(realtime.ap50())).isEqualTo(Double.valueOf(offline.ap50()));
        assertThat(Double.valueOf(realtime.ap())).isEqualTo(Double.valueOf(offline.ap()));
    }

    @Property(tries = 50)
    void realtimeApIsNeverAboveOfflineWhenTheDetectorLags(@ForAll @IntRange(min = 2, max = 12) int n,
                                                         @ForAll @DoubleRange(min = 101, max = 450) double latency) {
        List<FrameData> frames = new ArrayList<>();
        double[] arrival = new double[n];
        for (int i = 0; i < n; i++) {
            arrival[i] = i * PERIOD;
            GtBox walker = new GtBox(i + 1, 30f * i, 50, 40, 100, false);
            frames.add(new FrameData(i + 1, List.of(walker), List.of(new ScoredBox(walker.x(), walker.y(), 40, 100, 0.9f))));
        }
        double[] latencies = new double[n];
        Arrays.fill(latencies, latency);
        RealtimeSimulator.Replay r = RealtimeSimulator.replay(arrival, latencies, PERIOD);
        ApResult offline = CocoEvaluator.coco().evaluate(frames);
        ApResult realtime = CocoEvaluator.coco().evaluate(r.shown(frames));
        assertThat(realtime.ap50()).isLessThan(offline.ap50());
        for (int j = 0; j < n; j++) {
            assertThat(r.shownResultOf()[j]).as("result shown on frame %d comes from an earlier frame", j).isLessThan(j);
        }
    }
}
