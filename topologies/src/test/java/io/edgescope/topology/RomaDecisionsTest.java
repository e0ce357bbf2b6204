package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.roma.Decision;
import io.edgescope.roma.Estimate;
import io.edgescope.schemas.CandidateEstimate;
import io.edgescope.schemas.RomaDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RomaDecisionsTest {

    @Test
    void shouldPublishWhatEachCandidateWouldCostTheOtherStreamsOnTheCores() {
        Decision d = new Decision(41, "light", "heavy", "periodic",
                List.of(new Estimate("light", 0.7, 10, 1, 0.7), new Estimate("heavy", 0.8, 30, 0.95, 0.76)),
                new double[] {0.5, 0.5}, 1.2, 0.1, 40, 50_000, 40_000, Map.of("heavy", -0.12));

        RomaDecision out = RomaDecisions.of("cam-1", d, Instant.EPOCH);

        assertThat(out.getEstimates()).extracting(CandidateEstimate::getVariantId, CandidateEstimate::getOthersApChange)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("light", 0.0f), org.assertj.core.groups.Tuple.tuple("heavy", -0.12f));
        assertThat(out.getDecisionMicros()).isEqualTo(50f);
    }
}
