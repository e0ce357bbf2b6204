package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveContentionResultTest {

    private static final String FIXED = "fixed:a";
    private static final double FPS = 25;

    /**
     * fixed:a at 20 ms with one camera (two threads per inference) and 30 ms beside another camera (one thread each); alone on
     * the host it took 16 ms with two threads and 24 ms with one.
     */
    private static LiveContention.Result result() {
        return new LiveContention.Result(Map.of(1, Map.of(FIXED, cell(1, 20)), 2, Map.of(FIXED, cell(2, 30))), List.of(FIXED), FPS, 10, 1,
                List.of(), Map.of(), Map.of(1, 2, 2, 1), Map.of(1, Map.of(FIXED, 16.0), 2, Map.of(FIXED, 24.0)));
    }

    private static LiveContention.Cell cell(int streams, double latencyMillis) {
        return new LiveContention.Cell(FIXED, streams, List.of(0.5), Map.of("a", 10 * streams), 10 * streams, 0, latencyMillis);
    }

    @Test
    void shouldMeasureTheSlowdownPerUnitOfTheOtherCamerasDutyCycleAgainstTheLatencyAloneWithTheSameThreads() {
        // 30 / 24 - 1 = 0.25 slower than alone with one thread, while the other camera was busy 30 ms of every 40 ms
        assertThat(result().contentionSlowdown(FIXED, 2).orElseThrow()).isCloseTo(0.25 / 0.75, within(1e-12));
    }

    @Test
    void shouldHaveNoSlowdownForACameraAlone() {
        assertThat(result().contentionSlowdown(FIXED, 1)).isEmpty();
    }
}
