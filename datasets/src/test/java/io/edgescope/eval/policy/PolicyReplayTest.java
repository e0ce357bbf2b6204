package io.edgescope.eval.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.eval.GtBox;
import io.edgescope.eval.ScoredBox;
import io.edgescope.roma.FixedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyReplayTest {

    private static final int FRAMES = 40;
    private static final double FPS = 10;
    private static final float SIDE = 40;
    /** The walker moves half a box per frame: a box one frame old misses. */
    private static final float STEP = 20;
    private static final String QUICK = "quick";
    private static final String SLOW = "slow";

    /** A walker moving right; both variants box it exactly; "quick" takes 50 ms, "slow" 250 ms (or 50 ms when idle). */
    private static Timeline walker(List<LoadPhase> phases) {
        List<Shot> shots = new ArrayList<>();
        for (int f = 1; f <= FRAMES; f++) {
            shots.add(new Shot(f <= FRAMES / 2 ? "a" : "b", "clip", f, 1000, 500,
                    List.of(new GtBox(f, f * STEP, 100, SIDE, SIDE, false))));
        }
        return new Timeline("walker", false, FPS, shots, phases);
    }

    private static final DetectionBank EXACT = (clip, variant, frame) -> List.of(new ScoredBox(frame * STEP, 100, SIDE, SIDE, 0.9f));
    private static final LatencySampler LATENCY = (condition, variant, random) ->
            variant.equals(QUICK) || condition.equals("idle") ? 50 : 250;

    @Test
    void shouldProcessEveryFrameAndKeepFullApWhenTheDetectorKeepsUp() {
        PolicyRun run = PolicyReplay.run(walker(List.of(new LoadPhase(0, "busy"))), EXACT, LATENCY, new FixedPolicy(QUICK), 1);
        assertThat(run.droppedFraction()).isZero();
        assertThat(run.ap50()).isCloseTo(1.0, within(1e-9));
        assertThat(run.processedByVariant()).containsEntry(QUICK, FRAMES);
    }

    @Test
    void shouldDropFramesArrivingWhileBusyAndScoreThemWithStaleBoxes() {
        PolicyRun run = PolicyReplay.run(walker(List.of(new LoadPhase(0, "busy"))), EXACT, LATENCY, new FixedPolicy(SLOW), 1);
        assertThat(run.droppedFraction()).isGreaterThan(0.5);
        assertThat(run.ap50()).isLessThan(0.3);
    }

    @Test
    void shouldScheduleTheOracleOnTheBestFixedVariantOfEachPart() {
        Timeline t = walker(List.of(new LoadPhase(0, "idle"), new LoadPhase(2000, "busy")));
        Map<String, PolicyRun> fixed = Map.of(QUICK, PolicyReplay.run(t, EXACT, LATENCY, new FixedPolicy(QUICK), 1),
                SLOW, PolicyReplay.run(t, EXACT, LATENCY, new FixedPolicy(SLOW), 1));
        Map<String, String> best = PolicyReplay.bestFixedByPart(fixed);
        assertThat(best).containsEntry("b @ busy", QUICK);
        PolicyRun oracle = PolicyReplay.run(t, EXACT, LATENCY, new ScheduledPolicy(t, best), 1);
        assertThat(oracle.ap50()).isGreaterThanOrEqualTo(fixed.get(SLOW).ap50());
    }

    @Test
    void shouldMeasureOfflineApWithEveryFrameShowingItsOwnBoxes() {
        assertThat(PolicyReplay.offlineAp50(walker(List.of(new LoadPhase(0, "busy"))), EXACT, SLOW)).isCloseTo(1.0, within(1e-9));
    }
}
