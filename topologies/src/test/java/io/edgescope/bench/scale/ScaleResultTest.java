package io.edgescope.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleResultTest {

    @Test
    void shouldRateEachCountAgainstOneInstanceOfTheSameRun() {
        ScaleResult result = new ScaleResult(8, 40, 1, 1, List.of(new ScaleResult.Row(1, 320, 32, 10), new ScaleResult.Row(2, 320, 18, 18)));
        assertThat(result.efficiency(result.rows().get(0))).isEqualTo(1.0);
        assertThat(result.efficiency(result.rows().get(1))).isCloseTo(0.9, within(1e-9));
        assertThat(result.table()).contains("| 2 | 320 | 18.0 | 18.0 | 9.0 | 0.90 |");
        assertThat(result.json().get(1)).containsEntry("scaling_efficiency", 0.9).containsEntry("detector_threads_per_instance", 1);
    }

    @Test
    void shouldRateAgainstTheMeanOfInterleavedOneInstanceRuns() {
        ScaleResult result = new ScaleResult(8, 40, 1, 1, List.of(new ScaleResult.Row(1, 320, 32, 9), new ScaleResult.Row(2, 320, 18, 18),
                new ScaleResult.Row(1, 320, 30, 11)));
        assertThat(result.efficiency(result.rows().get(1))).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void shouldNotInventAnEfficiencyWithoutAOneInstanceRow() {
        ScaleResult result = new ScaleResult(8, 40, 1, 1, List.of(new ScaleResult.Row(2, 320, 18, 18)));
        assertThat(result.efficiency(result.rows().get(0))).isNaN();
    }
}
