package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ReferenceWorkTest {

    @Test
    void shouldDoTheSameWorkEveryTimeAndTimeItInThreadCpu() {
        ReferenceWork one = new ReferenceWork();
        long cpu = one.cpuNanos();
        double first = one.result();
        ReferenceWork other = new ReferenceWork();
        other.warmUp();
        other.cpuNanos();
        assertThat(other.result()).as("a fixed amount of work: the same result whoever runs it").isEqualTo(first).isGreaterThan(1);
        if (ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
            assertThat(cpu).isPositive();
        } else {
            assertThat(cpu).isEqualTo(-1);
        }
    }
}
