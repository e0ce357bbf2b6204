package io.edgescope.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakResultTest {

    private static SoakResult series(double rssStart, double rssEnd, long arraysEnd) {
        List<SoakSample> samples = new ArrayList<>();
        // 10 warm-up samples climbing steeply, then 20 samples from rssStart to rssEnd
        for (int i = 0; i < 10; i++) {
            samples.add(new SoakSample(i * 5, 100 + 50 * i, 20, 2, i * 25, 0));
        }
        for (int i = 0; i < 20; i++) {
            double rss = rssStart + (rssEnd - rssStart) * i / 19.0;
            samples.add(new SoakSample(50 + i * 5, rss, 20 + i % 3, 2, 250 + i * 25, i == 19 ? arraysEnd : 0));
        }
        return new SoakResult(2, 5, 50, samples);
    }

    @Test
    void shouldMeasureDriftAfterWarmupOnly() {
        SoakResult flat = series(700, 700, 0);
        assertThat(flat.rssDrift()).isEqualTo(0.0);
        assertThat(flat.withinTarget()).isTrue();
    }

    @Test
    void shouldFailTheTargetWhenRssGrowsMoreThanTenPercent() {
        SoakResult leaking = series(700, 900, 0);
        assertThat(leaking.rssDrift()).isBetween(0.2, 0.3);
        assertThat(leaking.withinTarget()).isFalse();
    }

    @Test
    void shouldFailTheTargetWhenNativeArraysAreLeftOpen() {
        SoakResult result = series(700, 700, 3);
        assertThat(result.nativeArrayGrowth()).isEqualTo(3);
        assertThat(result.withinTarget()).isFalse();
    }

    @Test
    void shouldReportTheSummaryAndEverySampleAsJson() {
        SoakResult result = series(700, 710, 0);
        assertThat(result.json()).containsKeys("rss_drift", "heap_drift", "max_lag_after_warmup", "native_array_growth", "samples");
        assertThat(result.table()).contains("| RSS drift | +1.3 %");
    }
}
