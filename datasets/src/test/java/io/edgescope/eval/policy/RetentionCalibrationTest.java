package io.edgescope.eval.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.roma.Box;
import io.edgescope.roma.MotionModel;
import io.edgescope.roma.StalenessModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionCalibrationTest {

    private static final double[] IOUS = {0.5, 0.55, 0.6, 0.65, 0.7};
    private static final double[] EXPONENTS = {1, 1.5, 2, 2.5, 3};

    /** Objects moving at speeds spread up to {@code speed} box widths per frame. */
    private static MotionModel moving(double speed) {
        MotionModel m = new MotionModel(1000, 0.02);
        for (int i = 1; i <= 40; i++) {
            double v = speed * i / 40;
            m.observe(List.of(new Box(100, 0, 50, 100)), List.of(new Box(100 + v * 50, 0, 50, 100)), 1);
        }
        return m;
    }

    @Test
    void shouldRecoverTheParametersThatProducedTheMeasurements() {
        List<RetentionCalibration.Sample> samples = new ArrayList<>();
        for (double speed : new double[] {0.05, 0.1, 0.15, 0.2}) {
            for (double latency : new double[] {20, 60, 120, 250}) {
                MotionModel motion = moving(speed);
                double[] weights = StalenessModel.weights(latency, 40);
                RetentionCalibration.Sample s = new RetentionCalibration.Sample("s", 0, weights, motion);
                samples.add(new RetentionCalibration.Sample(speed + "/" + latency, RetentionCalibration.predicted(s, 0.6, 1.5), weights,
                        motion));
            }
        }
        RetentionCalibration.Fit fit = RetentionCalibration.fit(samples, IOUS, EXPONENTS, 0.5, 2);
        assertThat(fit.iouThreshold()).isEqualTo(0.6);
        assertThat(fit.exponent()).isEqualTo(1.5);
        assertThat(fit.rmse()).isLessThan(1e-9);
        assertThat(fit.rmseBefore()).isGreaterThan(fit.rmse());
    }
}
