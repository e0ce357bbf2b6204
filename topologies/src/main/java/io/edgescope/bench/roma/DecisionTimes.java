package io.edgescope.bench.roma;

import io.edgescope.roma.Decision;
import java.util.Arrays;
import java.util.List;

/**
 * How long a run's ROMA decisions took, µs: wall clock (mean, maximum) and the deciding thread's CPU time (median, 99th
 * percentile, maximum; NaN where the JVM does not measure thread CPU time), which preemption by other threads does not count.
 */
public record DecisionTimes(int decisions, double meanMicros, double maxMicros, double medianCpuMicros, double p99CpuMicros,
                            double maxCpuMicros) {

    private static final double P99 = 0.99;

    public static DecisionTimes of(List<Decision> decisions) {
        double[] wall = decisions.stream().mapToDouble(d -> d.decisionNanos() / RomaBenchmark.NANOS_PER_MICRO).sorted().toArray();
        double[] cpu = decisions.stream().mapToLong(Decision::decisionCpuNanos).filter(n -> n >= 0)
                .mapToDouble(n -> n / RomaBenchmark.NANOS_PER_MICRO).sorted().toArray();
        return new DecisionTimes(decisions.size(), Arrays.stream(wall).average().orElse(0), wall.length == 0 ? 0 : wall[wall.length - 1],
                quantile(cpu, 0.5), quantile(cpu, P99), quantile(cpu, 1));
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
