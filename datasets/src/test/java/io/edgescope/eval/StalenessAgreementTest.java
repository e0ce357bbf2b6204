package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.roma.StalenessModel;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** ROMA's steady-state staleness model agrees with the real-time replay used to score runs. */
class StalenessAgreementTest {

    private static final int FRAMES = 3000;
    private static final double TIE = 1e-6;

    @Property(tries = 60)
    void shouldMatchTheMeanAgeOfTheRealtimeReplay(@ForAll @DoubleRange(min = 1, max = 400) double latency,
                                                  @ForAll @DoubleRange(min = 10, max = 150) double interval) {
        // an exact multiple of the interval is a tie decided by floating-point rounding, differently as errors accumulate
        // over a long run: real latencies never tie, so leave them out
        double ratio = latency / interval;
        Assume.that(Math.abs(ratio - Math.rint(ratio)) > TIE);
        double[] arrival = new double[FRAMES];
        double[] latencies = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            arrival[i] = i * interval;
            latencies[i] = latency;
        }
        double replayed = RealtimeSimulator.replay(arrival, latencies, interval).meanStalenessFrames();
        double[] w = StalenessModel.weights(latency, interval);
        double modelled = 0;
        for (int s = 0; s < w.length; s++) {
            modelled += s * w[s];
        }
        assertThat(modelled).isCloseTo(replayed, within(0.05 + 0.02 * replayed));
    }
}
