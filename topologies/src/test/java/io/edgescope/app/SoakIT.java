package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.cli.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code edgescope bench soak} for a few seconds: samples come, frames are detected, no native array is left open. */
@Tag("integration")
class SoakIT {

    @Test
    void shouldSampleMemoryAndLagWhileThePipelineRunsAndCloseEveryNativeArray() throws Exception {
        CliRun run = CliRun.of("bench", "soak", "--minutes", "0.3", "--every", "2", "--streams", "2", "--fps", "4", "--json");
        assertThat(run.err()).doesNotContain("failed");
        JsonNode report = new ObjectMapper().readTree(run.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        JsonNode samples = report.get("samples");
        assertThat(samples.size()).isGreaterThanOrEqualTo(6);
        assertThat(samples.get(samples.size() - 1).get("framesDetected").asLong()).isGreaterThan(samples.get(0).get("framesDetected").asLong());
        assertThat(samples.get(samples.size() - 1).get("rssMib").asDouble()).isPositive();
        assertThat(report.get("native_array_growth").asLong()).isLessThanOrEqualTo(0);
        assertThat(report.get("max_lag_after_warmup").asLong()).isLessThan(20);
    }
}
