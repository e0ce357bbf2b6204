package io.edgescope.stats;

import java.util.Arrays;

/** Collects latency samples (milliseconds) and reports percentiles by nearest rank. Not thread-safe. */
public final class LatencyRecorder {

    private static final int INITIAL_CAPACITY = 256;
    private static final double PERCENT = 100.0;

    private double[] samples = new double[INITIAL_CAPACITY];
    private int count;

    public void record(double millis) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = millis;
    }

    public int count() {
        return count;
    }

    /** The nearest-rank percentile {@code p} (0-100], or NaN when empty. */
    public double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        if (p <= 0 || p > PERCENT) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / PERCENT * count);
        return sorted[Math.max(0, rank - 1)];
    }

    public double mean() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += samples[i];
        }
        return sum / count;
    }
}
