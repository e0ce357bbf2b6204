package io.edgescope.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBenchmarkTest {

    private static final long SECOND = 1_000_000_000L;

    private static PipelineBenchmark.Phase phase(int frames, double seconds) {
        return new PipelineBenchmark.Phase(frames, (long) (seconds * SECOND), 0);
    }

    @Test
    void shouldCompareEachPipelinePhaseWithTheBarePhasesAroundIt() {
        // the host slows down half way: bare 100 fps, then 50; the pipeline runs at 0.9 of the bare speed around it
        PipelineBenchmark.Result r = new PipelineBenchmark.Result(100, List.of(phase(100, 1), phase(100, 1), phase(100, 2)),
                List.of(phase(100, 1 / 0.9), phase(100, 1 / (0.9 * 75) * 100)), 0.5, 0, new StageTable());

        assertThat(r.roundRatios()).satisfiesExactly(first -> assertThat(first).isCloseTo(0.9, within(1e-9)),
                second -> assertThat(second).isCloseTo(0.9, within(1e-9)));
    }

    @Test
    void shouldReportTotalsOverAllPhases() {
        PipelineBenchmark.Result r = new PipelineBenchmark.Result(100, List.of(phase(100, 1), phase(100, 3)),
                List.of(phase(100, 2)), 0.5, 0, new StageTable());

        assertThat(r.bareFps()).isCloseTo(50, within(1e-9));
        assertThat(r.pipelineFps()).isCloseTo(50, within(1e-9));
        assertThat(r.ratio()).isCloseTo(1, within(1e-9));
    }
}
