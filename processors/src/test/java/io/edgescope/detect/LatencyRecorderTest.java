package io.edgescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.stats.LatencyRecorder;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void shouldReportNearestRankPercentiles() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            r.record(1001 - i);
        }
        assertThat(r.percentile(50)).isEqualTo(500);
        assertThat(r.percentile(99)).isEqualTo(990);
        assertThat(r.percentile(100)).isEqualTo(1000);
        assertThat(r.mean()).isEqualTo(500.5);
    }

    @Test
    void shouldReportNanWhenEmpty() {
        assertThat(new LatencyRecorder().percentile(50)).isNaN();
    }
}
