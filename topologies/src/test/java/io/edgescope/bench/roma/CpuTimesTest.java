package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void shouldCountOnlyTheTimesOverOneMillisecond() {
        CpuTimes t = CpuTimes.of(LongStream.of(999_000, 1_000_000, 1_000_001, 23_000_000, 150_000));
        assertThat(t.measured()).isEqualTo(5);
        assertThat(t.overMillisecond()).isEqualTo(2);
        assertThat(t.maxMicros()).isEqualTo(23_000);
        assertThat(t.medianMicros()).isEqualTo(1000);
    }

    @Test
    void shouldLeaveOutUnmeasuredTimesAndGiveNanWhenNoneWasMeasured() {
        CpuTimes t = CpuTimes.of(LongStream.of(-1, 2_000_000));
        assertThat(t.measured()).isEqualTo(1);
        assertThat(t.overMillisecond()).isEqualTo(1);
        CpuTimes none = CpuTimes.of(LongStream.of(-1));
        assertThat(none.measured()).isZero();
        assertThat(none.maxMicros()).isNaN();
        assertThat(none.overMillisecond()).isZero();
    }
}
