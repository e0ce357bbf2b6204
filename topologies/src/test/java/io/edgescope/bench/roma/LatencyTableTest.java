package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyTableTest {

    @Test
    void shouldReadBackTheLatenciesItWrote(@TempDir Path dir) {
        LatencyTable table = new LatencyTable(Map.of("idle", Map.of("a", new double[] {1, 2, 3}), "busy", Map.of("a", new double[] {4, 5})));
        Path file = dir.resolve("latencies.json");
        table.write(file);
        LatencyTable read = LatencyTable.read(file);
        assertThat(read.samples("idle", "a")).containsExactly(1, 2, 3);
        assertThat(read.samples("busy", "a")).containsExactly(4, 5);
        assertThat(read.median("idle", "a")).isEqualTo(2);
    }

    @Test
    void shouldCoverARunOnlyWhenEveryVariantWasMeasuredUnderEveryCondition() {
        LatencyTable table = new LatencyTable(Map.of("idle", Map.of("a", new double[] {1}, "b", new double[] {2}),
                "busy", Map.of("a", new double[] {3})));
        assertThat(table.covers(List.of("idle"), List.of("a", "b"))).isTrue();
        assertThat(table.covers(List.of("idle", "busy"), List.of("a"))).isTrue();
        assertThat(table.covers(List.of("idle", "busy"), List.of("a", "b"))).isFalse();
        assertThat(table.covers(List.of("streams-4"), List.of("a"))).isFalse();
    }
}
