package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.StageTimings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleLatencyTest {

    private static final BgrImage FRAME = new BgrImage(4, 4, new byte[4 * 4 * BgrImage.CHANNELS]);
    private static final long MILLI = 1_000_000L;

    /** A host that runs everything twice as slow once it has done {@code quietWork} nanoseconds of work. */
    private static final class DriftingHost {
        private final long quietWork;
        private long now;

        DriftingHost(long quietWork) {
            this.quietWork = quietWork;
        }

        Detector detector(long aloneNanos) {
            return new Detector() {
                @Override
                public String variantId() {
                    return "alone-" + aloneNanos;
                }

                @Override
                public DetectionResult detect(BgrImage image) {
                    now += now < quietWork ? aloneNanos : 2 * aloneNanos;
                    return new DetectionResult(List.of(), new StageTimings(0, 0, 0));
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void shouldKeepTheVariantsInOrderWhenTheHostSlowsDownWhileTheyAreMeasured() {
        int samples = 15;
        // the heavier variant comes first; the host halves its speed about halfway through the measurement
        DriftingHost host = new DriftingHost(samples * (12 + 10) * MILLI / 2);
        Map<String, Detector> detectors = new LinkedHashMap<>();
        detectors.put("heavy", host.detector(12 * MILLI));
        detectors.put("light", host.detector(10 * MILLI));

        Map<String, Double> idle = IdleLatency.measure(detectors, FRAME, samples, () -> host.now);

        assertThat(idle.get("light")).isLessThan(idle.get("heavy"));
        assertThat(idle.get("heavy") / idle.get("light")).isEqualTo(1.2, within(1e-9));
        assertThat(idle.keySet()).containsExactly("heavy", "light");
    }

    @Test
    void shouldTakeTheMedianOfEachVariantsSamples() {
        long[] times = {0, 5 * MILLI, 5 * MILLI, 6 * MILLI, 6 * MILLI, 100 * MILLI};
        int[] next = {0};
        Map<String, Detector> detectors = Map.of("only", new DriftingHost(Long.MAX_VALUE).detector(0));

        Map<String, Double> idle = IdleLatency.measure(detectors, FRAME, 3, () -> times[next[0]++]);

        // samples 5, 1 and 94 ms
        assertThat(idle).containsEntry("only", 5.0);
    }

    @Test
    void shouldRefuseNoSamples() {
        assertThatThrownBy(() -> IdleLatency.measure(Map.of(), FRAME, 0, System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
    }
}
