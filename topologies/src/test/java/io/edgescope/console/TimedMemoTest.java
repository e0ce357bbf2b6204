package io.edgescope.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimedMemoTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void shouldComputeOncePerPeriodForEveryCaller() {
        TimedMemo<Integer> memo = new TimedMemo<>(computed::incrementAndGet, Duration.ofSeconds(1), now::get);
        assertThat(memo.get()).isEqualTo(1);
        now.set(SECOND / 2);
        assertThat(memo.get()).isEqualTo(1);
        assertThat(memo.get()).isEqualTo(1);
        now.set(SECOND);
        assertThat(memo.get()).isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void shouldNotKeepAFailure() {
        TimedMemo<Integer> memo = new TimedMemo<>(() -> {
            if (computed.incrementAndGet() == 1) {
                throw new IllegalStateException("rebalancing");
            }
            return computed.get();
        }, Duration.ofSeconds(1), now::get);
        assertThatThrownBy(memo::get).isInstanceOf(IllegalStateException.class);
        assertThat(memo.get()).isEqualTo(2);
    }
}
