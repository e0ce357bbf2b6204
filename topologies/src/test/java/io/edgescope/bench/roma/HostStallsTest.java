package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostStallsTest {

    @Test
    void shouldCountAStallAsSharedOnlyWhenAnotherThreadStalledAtTheSameTime() {
        HostStalls.Stall a = new HostStalls.Stall(0, 100, 200, 2_000_000);
        HostStalls.Stall b = new HostStalls.Stall(1, 150, 250, 3_000_000);
        HostStalls.Stall sameThread = new HostStalls.Stall(0, 180, 190, 2_000_000);
        HostStalls.Stall later = new HostStalls.Stall(1, 300, 400, 2_000_000);
        HostStalls.Stall touching = new HostStalls.Stall(2, 400, 500, 2_000_000);
        assertThat(HostStalls.shared(List.of(a, b, sameThread, later))).as("a, b and a's neighbour on thread 0 overlap b").isEqualTo(3);
        assertThat(HostStalls.shared(List.of(a, sameThread))).as("one thread alone shares nothing").isZero();
        assertThat(HostStalls.shared(List.of(later, touching))).as("ending as the other starts is not overlapping").isZero();
    }

    @Test
    void shouldTimeEveryUnitOfEveryThreadAndPrintATable() throws InterruptedException {
        HostStalls.Result r = HostStalls.run(2, 0.3);
        assertThat(r.units().measured()).isGreaterThan(2);
        assertThat(r.units().overMillisecond()).isEqualTo(r.stalls().size());
        assertThat(r.shared()).isBetween(0, r.stalls().size());
        assertThat(r.cpuSeconds()).isPositive().isLessThan(2 * 0.3 + 0.1);
        assertThat(r.table()).contains("| 2 | " + r.units().measured() + " |");
        assertThatThrownBy(() -> HostStalls.run(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
