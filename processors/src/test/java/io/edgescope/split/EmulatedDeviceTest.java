package io.edgescope.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmulatedDeviceTest {

    private static final long WORK_NANOS = 20_000_000L;

    private static void work() {
        long until = System.nanoTime() + WORK_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void shouldMakeThePartTakeSlowdownTimesAsLong() {
        long t0 = System.nanoTime();
        work();
        new EmulatedDevice(4).stretch(t0);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(4 * WORK_NANOS);
    }

    @Test
    void shouldAddNothingAtThisHostsSpeed() {
        long t0 = System.nanoTime();
        work();
        long worked = System.nanoTime() - t0;
        EmulatedDevice.NONE.stretch(t0);
        // stretching to 1x returns at once: well under another unit of work
        assertThat(System.nanoTime() - t0 - worked).isLessThan(WORK_NANOS / 2);
    }

    @Test
    void shouldRefuseADeviceFasterThanThisHost() {
        assertThatThrownBy(() -> new EmulatedDevice(0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
