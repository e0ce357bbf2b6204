package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.cli.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code edgescope bench faults} at a small N: two detection processes (their own JVMs), and while
 * frames flow one is killed with SIGKILL and restarted, the broker restarts and the registry restarts;
 * a read_committed consumer finds exactly one detections record per frame, in order per stream.
 */
@Tag("integration")
class FaultsIT {

    @Test
    void shouldPublishExactlyOneDetectionsRecordPerFrameThroughAKillABrokerRestartAndARegistryRestart() throws Exception {
        CliRun run = CliRun.of("bench", "faults", "--streams", "4", "--frames", "40", "--json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        // the test's log lines share stdout here; the report is the last line
        JsonNode report = new ObjectMapper().readTree(run.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertThat(report.get("frames").asLong()).isEqualTo(160);
        assertThat(report.get("detections_unique").asLong()).isEqualTo(160);
        assertThat(report.get("duplicates").asLong()).isZero();
        assertThat(report.get("lost").asLong()).isZero();
        assertThat(report.get("out_of_order_streams").asLong()).isZero();
        assertThat(report.get("kills").asInt()).isEqualTo(1);
        assertThat(report.get("broker_restarts").asInt()).isEqualTo(1);
        assertThat(report.get("registry_restarts").asInt()).isEqualTo(1);
    }
}
