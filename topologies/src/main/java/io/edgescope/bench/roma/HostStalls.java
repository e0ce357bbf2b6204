package io.edgescope.bench.roma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

/**
 * What this host makes of a fixed piece of work ({@link ReferenceWork}, about as long as a ROMA decision): several threads run
 * it back to back for a while, each unit timed in the thread's CPU time. On a quiet host every unit takes the same; where the
 * hypervisor pauses virtual CPUs without reporting stolen time, the pause is charged to whichever thread was running, so
 * some units take many times their work, and the pauses that hit two threads at once (overlapping in time) stopped both
 * virtual CPUs together. The ROMA decision-time target is judged against this.
 */
public final class HostStalls {

    /** A unit counts as stalled beyond this much CPU time: the decision-time target. */
    static final long STALL_NANOS = 1_000_000;
    private static final double NANOS_PER_SECOND = 1e9;

    /** One stalled unit: its thread, when it ran (wall clock, ns) and the CPU time it was charged. */
    record Stall(int thread, long startNanos, long endNanos, long cpuNanos) {
    }

    /**
     * @param units every unit's CPU time, all threads
     * @param cpuSeconds the CPU time charged to the units, s
     * @param stalls the units over {@link #STALL_NANOS}
     * @param shared the stalls that overlapped in time with a stall of another thread
     */
    public record Result(int threads, double seconds, CpuTimes units, double cpuSeconds, List<Stall> stalls, int shared) {

        /** Stalls per second of CPU time charged to the units. */
        public double stallsPerCpuSecond() {
            return cpuSeconds == 0 ? 0 : stalls.size() / cpuSeconds;
        }

        /** A Markdown table of the run. */
        public String table() {
            return String.format(Locale.ROOT, "Fixed work (%d reads scattered over 4 MB, then %d steps of a chain of square roots) run back to back on %d thread(s) for %.0f s, each unit "
                    + "timed in its thread's CPU time:%n%n| threads | units | median CPU µs | p99 CPU µs | max CPU µs | units over 1 ms "
                    + "| per CPU-second | shared with another thread |%n|---|---|---|---|---|---|---|---|%n| %d | %d | %.0f | %.0f | %.0f | %d | %.2f | %d |%n",
                    ReferenceWork.READS, ReferenceWork.STEPS, threads, seconds, threads, units.measured(), units.medianMicros(), units.p99Micros(), units.maxMicros(),
                    stalls.size(), stallsPerCpuSecond(), shared);
        }
    }

    private HostStalls() {
    }

    /** {@code threads} threads running the unit back to back for {@code seconds}. */
    public static Result run(int threads, double seconds) throws InterruptedException {
        if (threads < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("need at least one thread and a positive duration");
        }
        new ReferenceWork().warmUp();
        long end = System.nanoTime() + (long) (seconds * NANOS_PER_SECOND);
        List<Callable<Timed>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> runUntil(thread, end));
        }
        List<Timed> timed = Together.run(tasks, "host-stalls", "A host-stalls thread");
        List<Stall> stalls = timed.stream().flatMap(t -> t.stalls().stream()).toList();
        long[] all = timed.stream().flatMapToLong(t -> Arrays.stream(t.cpuNanos())).toArray();
        return new Result(threads, seconds, CpuTimes.of(LongStream.of(all)), LongStream.of(all).filter(n -> n > 0).sum() / NANOS_PER_SECOND,
                stalls, shared(stalls));
    }

    /** How many of {@code stalls} overlap in time with a stall of another thread. */
    static int shared(List<Stall> stalls) {
        int shared = 0;
        for (Stall a : stalls) {
            for (Stall b : stalls) {
                if (a.thread() != b.thread() && a.startNanos() < b.endNanos() && b.startNanos() < a.endNanos()) {
                    shared++;
                    break;
                }
            }
        }
        return shared;
    }

    private record Timed(long[] cpuNanos, List<Stall> stalls) {
    }

    private static Timed runUntil(int thread, long endNanos) {
        ReferenceWork work = new ReferenceWork();
        LongStream.Builder cpu = LongStream.builder();
        List<Stall> stalls = new ArrayList<>();
        for (long start = System.nanoTime(); start < endNanos; start = System.nanoTime()) {
            long c = work.cpuNanos();
            cpu.add(c);
            if (c > STALL_NANOS) {
                stalls.add(new Stall(thread, start, System.nanoTime(), c));
            }
        }
        return new Timed(cpu.build().toArray(), stalls);
    }
}
