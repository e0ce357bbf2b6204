package io.edgescope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldScheduleFramesAtTheTargetRateWithoutDrift() {
        Pacer pacer = new Pacer(10, 0);
        assertThat(pacer.waitNanos(0, 0)).isZero();
        assertThat(pacer.waitNanos(1, 0)).isEqualTo(SECOND / 10);
        // frame 10 is due at 1 s no matter how late frame 9 was sent
        assertThat(pacer.waitNanos(10, 950_000_000L)).isEqualTo(50_000_000L);
    }

    @Test
    void shouldNotWaitWhenBehindOrUnpaced() {
        assertThat(new Pacer(10, 0).waitNanos(5, 2 * SECOND)).isZero();
        assertThat(new Pacer(0, 0).waitNanos(1000, 0)).isZero();
    }
}
