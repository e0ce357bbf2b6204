package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyProfileTest {

    private static VariantAccuracy variant(String id, double latencyMillis) {
        return new VariantAccuracy(id, 0.8, new double[] {0.8, 0.8}, new double[] {0.9, 0.9}, latencyMillis);
    }

    @Test
    void shouldOrderCandidatesLightestFirstAndStartInTheMiddle() {
        AccuracyProfile profile = AccuracyProfile.of(RomaFixtures.TWO_BUCKETS,
                List.of(variant("c", 30), variant("a", 10), variant("e", 50), variant("b", 20), variant("d", 40)));
        assertThat(profile.byLatency()).containsExactly("a", "b", "c", "d", "e");
        assertThat(profile.middleByLatency()).isEqualTo("c");
    }
}
