package io.edgescope.bench.roma;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A fixed piece of work about as long as a ROMA decision (~160 µs of CPU on the development host, its memory in cache):
 * reads scattered over the thread's own few megabytes, as a decision reads its stream's state, then a chain of arithmetic.
 * Timed the way a decision is timed (the thread's CPU time) right after each one on the same thread, it shows what the host
 * alone makes of a fixed amount of work at those moments: memory stalls while the detectors stream through theirs, and, on a
 * virtual machine that does not report stolen time, the host's pauses of a virtual CPU, which count as the running thread's
 * CPU time. No allocation, no branches that change with the data: nothing for the garbage collector or the JIT compiler to
 * redo mid-run. Mutable (the memory, and the result kept so the work is not optimised away); one per thread.
 */
final class ReferenceWork {

    /** Steps of a dependent chain of square roots: ~160 µs on the development host. */
    static final int STEPS = 20_000;
    /** Reads of the thread's memory, each at a pseudo-random place (the same places every unit). */
    static final int READS = 1_000;
    /** The thread's memory, longs (4 MB). */
    private static final int MEMORY_LONGS = 1 << 19;
    private static final long LCG_MULTIPLIER = 6364136223846793005L;
    private static final long LCG_INCREMENT = 1442695040888963407L;
    private static final int LCG_SHIFT = 33;
    /** Units run before any is timed, so that the timed ones run compiled. */
    static final int WARM_UP_UNITS = 500;
    private static final double GROWTH = 1.0000001;
    private static final double SCALE = 1e-9;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] memory = new long[MEMORY_LONGS];
    private double result = 1;

    ReferenceWork() {
        for (int i = 0; i < memory.length; i++) {
            memory[i] = i;
        }
    }

    /** Runs the unit; its CPU time on this thread, ns, or -1 where the JVM does not measure thread CPU time. */
    long cpuNanos() {
        boolean measured = THREADS.isCurrentThreadCpuTimeSupported();
        long start = measured ? THREADS.getCurrentThreadCpuTime() : 0;
        unit();
        return measured ? THREADS.getCurrentThreadCpuTime() - start : -1;
    }

    /** Runs the unit often enough for the JIT compiler to have compiled it. */
    void warmUp() {
        for (int i = 0; i < WARM_UP_UNITS; i++) {
            unit();
        }
    }

    /** What the work computed (the same for every unit: a fixed amount of work). */
    double result() {
        return result;
    }

    private void unit() {
        long seed = 1;
        long sum = 0;
        for (int r = 0; r < READS; r++) {
            seed = seed * LCG_MULTIPLIER + LCG_INCREMENT;
            sum += memory[(int) ((seed >>> LCG_SHIFT) % MEMORY_LONGS)];
        }
        double x = 1 + (double) sum / Long.MAX_VALUE;
        for (int i = 0; i < STEPS; i++) {
            x = x * GROWTH + Math.sqrt(i + x) * SCALE;
        }
        result = x;
    }
}
