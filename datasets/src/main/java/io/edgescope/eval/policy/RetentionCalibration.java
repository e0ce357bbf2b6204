package io.edgescope.eval.policy;

import io.edgescope.roma.MotionModel;
import io.edgescope.roma.RomaEstimator;
import java.util.List;

/**
 * Fits ROMA's two degradation parameters — the IoU a stale box must keep with its moved object, and
 * the exponent turning the share of boxes still hitting into the share of AP kept — to measured
 * runs: for fixed variants on labelled timelines, the real-time AP50 over the offline AP50 is the
 * share of AP kept, and ROMA's model predicts it from the latency and the objects' motion. A grid
 * search minimises the squared error over all runs given.
 */
public final class RetentionCalibration {

    /**
     * One measured run.
     *
     * @param measured real-time AP50 / offline AP50 of a fixed variant on a timeline
     * @param weights shown ages at that variant's measured latencies and the timeline's rate
     * @param motion the objects' motion measured from that variant's boxes on the timeline
     */
    public record Sample(String label, double measured, double[] weights, MotionModel motion) {
    }

    /** The best parameters, their root-mean-square error, and the error of the parameters before fitting. */
    public record Fit(double iouThreshold, double exponent, double rmse, double rmseBefore, int samples) {
    }

    private RetentionCalibration() {
    }

    public static double predicted(Sample s, double iouThreshold, double exponent) {
        return RomaEstimator.factor(s.weights(), age -> s.motion().retention(age, iouThreshold), exponent);
    }

    public static Fit fit(List<Sample> samples, double[] ious, double[] exponents, double iouBefore, double exponentBefore) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no runs to calibrate on");
        }
        double bestIou = iouBefore;
        double bestExponent = exponentBefore;
        double best = rmse(samples, iouBefore, exponentBefore);
        double before = best;
        for (double iou : ious) {
            for (double exponent : exponents) {
                double e = rmse(samples, iou, exponent);
                if (e < best) {
                    best = e;
                    bestIou = iou;
                    bestExponent = exponent;
                }
            }
        }
        return new Fit(bestIou, bestExponent, best, before, samples.size());
    }

    static double rmse(List<Sample> samples, double iou, double exponent) {
        double sum = 0;
        for (Sample s : samples) {
            double d = predicted(s, iou, exponent) - s.measured();
            sum += d * d;
        }
        return Math.sqrt(sum / samples.size());
    }
}
