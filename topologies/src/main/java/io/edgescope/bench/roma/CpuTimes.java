package io.edgescope.bench.roma;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * A thread's CPU time over many pieces of work, µs: median, 99th percentile, maximum (NaN when none was measured) and how
 * many took over a millisecond.
 */
public record CpuTimes(int measured, double medianMicros, double p99Micros, double maxMicros, int overMillisecond) {

    private static final double P99 = 0.99;
    private static final double MICROS_PER_MILLI = 1000;

    /** From CPU times in ns; negative ones (where the JVM does not measure thread CPU time) are left out. */
    public static CpuTimes of(LongStream cpuNanos) {
        double[] micros = cpuNanos.filter(n -> n >= 0).mapToDouble(n -> n / RomaBenchmark.NANOS_PER_MICRO).sorted().toArray();
        int over = (int) Arrays.stream(micros).filter(m -> m > MICROS_PER_MILLI).count();
        return new CpuTimes(micros.length, quantile(micros, 0.5), quantile(micros, P99), quantile(micros, 1), over);
    }

    /** The value at rank {@code ceil(q x n)} of the sorted {@code values} (the nearest-rank quantile; NaN when empty). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
