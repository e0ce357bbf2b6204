package io.edgescope.detect;

/** Where a detector spent its time on one image, in milliseconds. */
public record StageTimings(double preprocessMillis, double inferenceMillis, double postprocessMillis) {

    public double totalMillis() {
        return preprocessMillis + inferenceMillis + postprocessMillis;
    }
}
