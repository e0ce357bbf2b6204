package io.edgescope.bench.roma;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A fixed piece of arithmetic, about as long as a ROMA decision (~160 µs of CPU on the development host), timed the way a
 * decision is timed (the thread's CPU time) right after each one on the same thread: what the host alone makes of a fixed
 * amount of work at those moments. On a virtual machine that does not report stolen time, the host's pauses of a virtual
 * CPU count as the running thread's CPU time, so a decision's CPU time can exceed its work; this tells the two apart.
 * No allocation, no branches that change with the data: nothing for the garbage collector or the JIT compiler to redo
 * mid-run. Mutable (the result is kept so the work is not optimised away); one per thread.
 */
final class ReferenceWork {

    /** Steps of a dependent chain of square roots: ~160 µs on the development host. */
    static final int STEPS = 20_000;
    /** Units run before any is timed, so that the timed ones run compiled. */
    static final int WARM_UP_UNITS = 500;
    private static final double GROWTH = 1.0000001;
    private static final double SCALE = 1e-9;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private double result = 1;

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
        double x = 1;
        for (int i = 0; i < STEPS; i++) {
            x = x * GROWTH + Math.sqrt(i + x) * SCALE;
        }
        result = x;
    }
}
