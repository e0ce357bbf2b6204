package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.roma.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTimesTest {

    private static final long MICRO = 1000;

    private static Decision timed(long wallMicros, long cpuMicros) {
        return new Decision(0, "a", "a", "periodic", List.of(), null, 1, 0, 40, wallMicros * MICRO, cpuMicros < 0 ? -1 : cpuMicros * MICRO, Map.of());
    }

    @Test
    void shouldGiveTheMedianTheNinetyNinthPercentileAndTheMaximumCpuTime() {
        List<Decision> decisions = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            decisions.add(timed(2 * i, i));
        }
        DecisionTimes t = DecisionTimes.of(decisions);
        assertThat(t.decisions()).isEqualTo(200);
        assertThat(t.cpu().medianMicros()).isEqualTo(100);
        assertThat(t.cpu().p99Micros()).as("nearest rank: the 198th of 200").isEqualTo(198);
        assertThat(t.cpu().maxMicros()).isEqualTo(200);
        assertThat(t.maxMicros()).isEqualTo(400);
        assertThat(t.meanMicros()).isEqualTo(201);
        assertThat(t.cpu().overMillisecond()).isZero();
    }

    @Test
    void shouldLeaveOutDecisionsWhoseCpuTimeWasNotMeasured() {
        DecisionTimes t = DecisionTimes.of(List.of(timed(50, -1), timed(70, 30)));
        assertThat(t.decisions()).isEqualTo(2);
        assertThat(t.cpu().measured()).isEqualTo(1);
        assertThat(t.cpu().maxMicros()).isEqualTo(30);
        assertThat(DecisionTimes.of(List.of(timed(50, -1))).cpu().maxMicros()).isNaN();
        assertThat(DecisionTimes.of(List.of()).cpu().medianMicros()).isNaN();
    }
}
