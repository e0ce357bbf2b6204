package io.edgescope.bench.roma;

import io.edgescope.roma.Decision;
import java.util.List;

/**
 * How long a run's ROMA decisions took, µs: wall clock (mean, maximum) and the deciding thread's CPU time, which preemption by
 * other threads does not count.
 */
public record DecisionTimes(int decisions, double meanMicros, double maxMicros, CpuTimes cpu) {

    public static DecisionTimes of(List<Decision> decisions) {
        double[] wall = decisions.stream().mapToDouble(d -> d.decisionNanos() / RomaBenchmark.NANOS_PER_MICRO).toArray();
        double mean = 0;
        double max = 0;
        for (double w : wall) {
            mean += w / wall.length;
            max = Math.max(max, w);
        }
        return new DecisionTimes(decisions.size(), mean, max, CpuTimes.of(decisions.stream().mapToLong(Decision::decisionCpuNanos)));
    }
}
