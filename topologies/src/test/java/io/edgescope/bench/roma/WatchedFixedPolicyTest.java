package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.Box;
import io.edgescope.roma.Decision;
import io.edgescope.roma.Estimate;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SharedCores;
import io.edgescope.roma.SizeBuckets;
import io.edgescope.roma.VariantAccuracy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchedFixedPolicyTest {

    private static final double INTERVAL = 50;
    private static final LiveContention.Moment NO_MOMENT = new LiveContention.Moment(1, 0, -1, 0);
    private static final AccuracyProfile PROFILE = AccuracyProfile.of(new SizeBuckets(List.of(0.05)), List.of(
            new VariantAccuracy("small", 0.6, new double[] {0.2, 0.8}, new double[] {0.25, 0.9}, 10),
            new VariantAccuracy("big", 0.85, new double[] {0.8, 0.82}, new double[] {0.9, 0.9}, 40)));

    @Test
    void shouldRunTheFixedVariantWhateverRomaWatchingItWouldChooseAndHandOverRomasDecisions() {
        List<Decision> decisions = new ArrayList<>();
        WatchedFixedPolicy policy = new WatchedFixedPolicy("big", PROFILE, RomaSettings.DEFAULT, SharedCores.alone(), decisions::add);
        assertThat(policy.name()).isEqualTo("fixed:big");
        for (int f = 0; f < 30; f++) {
            String v = policy.next(INTERVAL);
            assertThat(v).isEqualTo("big");
            // large objects moving fast, big four times slower than offline: ROMA would take small
            policy.observe(v, List.of(new Box(10 + 40.0 * f, 100, 120, 120)), 1000, 600, 4L * f, 160, 0);
        }
        assertThat(decisions).as("first, then periodic or on a change").hasSizeGreaterThanOrEqualTo(3);
        assertThat(decisions.get(decisions.size() - 1).variantId()).as("what ROMA would run").isEqualTo("small");
        Estimate big = decisions.get(decisions.size() - 1).estimates().stream().filter(e -> e.variantId().equals("big")).findFirst()
                .orElseThrow();
        assertThat(big.latencyMillis()).as("the latency measured on the fixed variant's own frames").isCloseTo(160, within(1e-6));
        assertThat(big.retention()).as("160 ms behind objects moving a third of their size per frame").isLessThan(0.5);
    }

    @Test
    void shouldExpectOfAFixedPolicyWhatRomaWatchingItEstimatedForItsVariantOnAverage() {
        Decision first = decision(new Estimate("big", 0.8, 40, 0.9, 0.72), new Estimate("small", 0.6, 10, 1, 0.6));
        Decision second = decision(new Estimate("big", 0.8, 60, 0.5, 0.4), new Estimate("small", 0.6, 15, 1, 0.6));
        LiveContention.Result r = new LiveContention.Result(Map.of(), List.of("fixed:big", "fixed:small"), 25, 10, 1, List.of(
                new LiveContention.CameraDecision("fixed:big", 2, 0, 0, first, NO_MOMENT),
                new LiveContention.CameraDecision("fixed:big", 2, 0, 1, second, NO_MOMENT),
                new LiveContention.CameraDecision("roma", 2, 0, 0, decision(new Estimate("big", 0.8, 40, 0.1, 0.08)), NO_MOMENT)), Map.of(), Map.of(2, 1), Map.of());
        assertThat(r.forecastShare("fixed:big", 2).orElseThrow()).as("ROMA's own decisions do not count").isCloseTo(0.7, within(1e-12));
        assertThat(r.forecastShare("fixed:small", 2)).as("never watched").isEmpty();
        assertThat(r.forecastShare("fixed:big", 4)).isEmpty();
    }

    private static Decision decision(Estimate... estimates) {
        return new Decision(5, "big", "big", "periodic", List.of(estimates), null, 1, 0.1, INTERVAL, 1000, 1000, Map.of());
    }
}
