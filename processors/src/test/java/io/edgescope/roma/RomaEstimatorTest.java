package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RomaEstimatorTest {

    private static final double INTERVAL = 50;

    private static String best(double[] sizes, Map<String, Double> latency, double beta) {
        List<Estimate> estimates = RomaEstimator.estimate(RomaFixtures.profile(), sizes, id -> new double[] {latency.get(id)}, INTERVAL,
                s -> Math.pow(1 - beta, s), 2.0);
        return estimates.stream().max(Comparator.comparingDouble(Estimate::realtimeAp)).orElseThrow().variantId();
    }

    @Test
    void shouldPickTheAccurateVariantForSmallObjectsWhenBothKeepUp() {
        assertThat(best(new double[] {0.9, 0.1}, Map.of("small", 10.0, "big", 40.0), 0.05)).isEqualTo("big");
    }

    @Test
    void shouldPickTheFastVariantForLargeObjectsWhenTheAccurateOneDropsFrames() {
        assertThat(best(new double[] {0.0, 1.0}, Map.of("small", 10.0, "big", 160.0), 0.05)).isEqualTo("small");
    }

    @Test
    void shouldPreferTheAccurateVariantOnStaticScenesEvenWhenItLags() {
        assertThat(best(new double[] {0.9, 0.1}, Map.of("small", 10.0, "big", 160.0), 0.0)).isEqualTo("big");
    }

    @Test
    void shouldWeighBucketApByTheSizeShares() {
        VariantAccuracy small = RomaFixtures.profile().variant("small");
        assertThat(RomaEstimator.expectedAp(small, new double[] {0.5, 0.5})).isCloseTo(0.5, within(1e-12));
        assertThat(RomaEstimator.expectedAp(small, null)).isEqualTo(0.6);
    }

    @Test
    void shouldDegradeByTheSquaredMeanRetentionOverTheShownAges() {
        // latency 25 ms at 10 ms frames: ages 2 (40%), 3 (40%), 4 (20%)
        List<Estimate> e = RomaEstimator.estimate(AccuracyProfile.of(RomaFixtures.TWO_BUCKETS,
                        List.of(RomaFixtures.profile().variant("small"))), null, id -> new double[] {25.0}, 10, s -> 1.0 - 0.1 * s, 2.0);
        // a stale miss costs recall and precision alike: AP scales by the square of the share still hitting
        double hitting = 0.4 * 0.8 + 0.4 * 0.7 + 0.2 * 0.6;
        assertThat(e.get(0).retention()).isCloseTo(hitting * hitting, within(0.01));
        assertThat(e.get(0).realtimeAp()).isCloseTo(0.6 * e.get(0).retention(), within(1e-12));
    }
}
