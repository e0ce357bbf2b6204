package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveContentionResultTest {

    private static final String FIXED = "fixed:a";
    private static final double FPS = 25;

    /** fixed:a at 20 ms alone and 30 ms beside another camera, each load run with {@code threads} per inference. */
    private static LiveContention.Result result(Map<Integer, Integer> threads) {
        return new LiveContention.Result(Map.of(1, Map.of(FIXED, cell(1, 20)), 2, Map.of(FIXED, cell(2, 30))), List.of(FIXED), FPS, 10, 1,
                List.of(), Map.of(), threads);
    }

    private static LiveContention.Cell cell(int streams, double latencyMillis) {
        return new LiveContention.Cell(FIXED, streams, List.of(0.5), Map.of("a", 10 * streams), 10 * streams, 0, latencyMillis);
    }

    @Test
    void shouldMeasureTheSlowdownPerUnitOfTheOtherCamerasDutyCycle() {
        // 30 / 20 - 1 = 0.5 slower, while the other camera was busy 30 ms of every 40 ms
        assertThat(result(Map.of(1, 2, 2, 2)).contentionSlowdown(FIXED, 2).orElseThrow()).isCloseTo(0.5 / 0.75, within(1e-12));
    }

    @Test
    void shouldNotCallItContentionWhenTheLoadsRanWithOtherThreadsPerInference() {
        assertThat(result(Map.of(1, 2, 2, 1)).contentionSlowdown(FIXED, 2)).isEmpty();
        assertThat(result(Map.of(1, 2, 2, 2)).contentionSlowdown(FIXED, 1)).as("alone: no one to contend with").isEmpty();
    }
}
