package io.edgescope.roma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongSupplier;

/**
 * The ROMA streams that share one process's cores (ours: the paper chose for one stream alone). Each stream publishes how busy
 * its detector keeps the cores (its duty cycle: the share of the time it is detecting) and how its real-time AP would respond
 * to a slower detector; each reads the others'. So a stream judges a choice with the load the choice adds — to itself, as the
 * others slow down and stay busy longer, and to the others, whose real-time AP it costs — not only with the load it measured
 * while it ran something else.
 * <p>
 * The contention model: a detector runs {@code 1 + slowdown x O} times slower than alone, where {@code O} is the expected
 * number of the other streams' detectors busy at a random moment, the sum of their duty cycles (a detector always busy
 * costs {@code slowdown}: with inferences that use every core, two at once would each take twice as long, 1; on this host
 * bench roma-live measures 0.4–0.9). A stream whose detector overruns its frame interval is always busy (duty 1).
 * <p>
 * Where a stream marks its detections' start and end, the contention each of its latency measurements ran under is
 * measured — the other streams' detectors busy during it — rather than inferred from their duty cycles, so the host's
 * load it keeps does not dip when the others' inferences happen not to overlap its last few.
 * <p>
 * A share not republished for {@link #STALE_AFTER_NANOS} counts as gone (a stream that stopped); a member that joined within
 * that time and has not published yet (streams starting together) is taken to run like the stream deciding. Thread-safe:
 * shares are immutable and swapped whole, each member's busy time is guarded by the member.
 */
public final class SharedCores {

    /**
     * The load multipliers at which a stream publishes its real-time AP (linear in between, flat beyond: one more detector
     * always busy beside it slows a detector by 1 + slowdown, well under 2 on this host). Each costs the publisher one
     * staleness estimate per decision.
     */
    static final double[] RESPONSE_LOADS = {1, 1.25, 1.5, 2};
    static final long STALE_AFTER_NANOS = 5_000_000_000L;
    /** Rounds of the fixed point "my duty raises their latency, which keeps them busy longer, which slows me". */
    private static final int FIXED_POINT_ROUNDS = 4;

    private final double slowdown;
    private final LongSupplier nanoClock;
    private final Map<Member, Share> shares = new ConcurrentHashMap<>();
    private final Set<Member> members = ConcurrentHashMap.newKeySet();

    /**
     * @param slowdown how much slower a detector runs beside one other detector that is always busy (0: streams do not
     *                 interact, which makes every member act alone)
     */
    public SharedCores(double slowdown, LongSupplier nanoClock) {
        if (!(slowdown >= 0)) {
            throw new IllegalArgumentException("contention slowdown must be at least 0, got " + slowdown);
        }
        this.slowdown = slowdown;
        this.nanoClock = nanoClock;
    }

    public SharedCores(double slowdown) {
        this(slowdown, System::nanoTime);
    }

    /** A member with no one beside it: acts as a stream alone on the host. */
    public static Member alone() {
        return new SharedCores(0).join();
    }

    public Member join() {
        Member m = new Member();
        members.add(m);
        return m;
    }

    /**
     * What one stream tells the others.
     *
     * @param duty share of the time its detector is busy, 0–1
     * @param realtimeApAtLoad its estimated real-time AP if its detector ran each of {@link #RESPONSE_LOADS} times slower than now
     * @param publishedNanos when
     */
    public record Share(double duty, double[] realtimeApAtLoad, long publishedNanos) {

        public Share {
            if (!(duty >= 0 && duty <= 1) || realtimeApAtLoad.length != RESPONSE_LOADS.length) {
                throw new IllegalArgumentException("a share needs a duty in 0-1 and one AP per response load");
            }
            realtimeApAtLoad = realtimeApAtLoad.clone();
        }

        /** Its real-time AP with its detector {@code load} times slower than when published. */
        double apAt(double load) {
            double[] x = RESPONSE_LOADS;
            if (load <= x[0]) {
                return realtimeApAtLoad[0];
            }
            for (int i = 1; i < x.length; i++) {
                if (load <= x[i]) {
                    double t = (load - x[i - 1]) / (x[i] - x[i - 1]);
                    return realtimeApAtLoad[i - 1] + t * (realtimeApAtLoad[i] - realtimeApAtLoad[i - 1]);
                }
            }
            return realtimeApAtLoad[x.length - 1];
        }
    }

    /**
     * What one candidate would do to the shared cores.
     *
     * @param contention how much slower than alone the member's detector would run ({@code 1 + slowdown x O})
     * @param othersApChange the change of the other streams' summed real-time AP
     */
    public record Impact(double contention, double othersApChange) {
    }

    /** The summed duty cycles of {@code shares}: how many of their detectors are busy at a random moment, on average. */
    private static double busy(List<Share> shares) {
        double sum = 0;
        for (Share s : shares) {
            sum += s.duty();
        }
        return sum;
    }

    /** A detector busier than all the time (it overruns its interval) is busy all the time. */
    private static double clampDuty(double duty) {
        return Math.max(0, Math.min(1, duty));
    }

    /**
     * The other members of the cores seen from one member at one moment.
     *
     * @param slowdown  the cores' contention slowdown
     * @param others    the other members' current shares
     * @param newcomers members that joined lately and have not published yet (taken to run like the member looking)
     */
    public record View(double slowdown, List<Share> others, int newcomers) {

        public View {
            others = List.copyOf(others);
        }

        /** Whether another current member is on these cores (someone to read what the member looking publishes). */
        public boolean hasOthers() {
            return !others.isEmpty() || newcomers > 0;
        }

        /** How much slower than alone a detector of the member looking runs now, by the others' duty cycles. */
        public double contention() {
            return 1 + slowdown * busy(others);
        }

        /**
         * What running a candidate would do, from the others' shares (and the newcomers running it too).
         *
         * @param dutyNow the looking member's duty cycle with what it runs now
         * @param dutyAt the looking member's duty cycle with the candidate, given the contention it would run under
         */
        public Impact impactOf(double dutyNow, DoubleUnaryOperator dutyAt) {
            double busyNow = clampDuty(dutyNow);
            double othersBusy = busy(others);
            double[] dutyAfter = new double[others.size()];
            double[] loadAfter = new double[others.size()];
            double contention = 1 + slowdown * (othersBusy + newcomers * busyNow);
            for (int round = 0; round < FIXED_POINT_ROUNDS; round++) {
                double myDuty = clampDuty(dutyAt.applyAsDouble(contention));
                // newcomers run like the member looking would (their response is not known: not counted)
                double busy = newcomers * myDuty;
                for (int j = 0; j < dutyAfter.length; j++) {
                    Share s = others.get(j);
                    // the others see the rest as they are, and the looking member's duty change
                    double seenNow = othersBusy - s.duty() + busyNow;
                    loadAfter[j] = (1 + slowdown * (seenNow - busyNow + myDuty)) / (1 + slowdown * seenNow);
                    dutyAfter[j] = Math.min(1, s.duty() * loadAfter[j]);
                    busy += dutyAfter[j];
                }
                contention = 1 + slowdown * busy;
            }
            double change = 0;
            for (int j = 0; j < dutyAfter.length; j++) {
                change += others.get(j).apAt(loadAfter[j]) - others.get(j).apAt(1);
            }
            return new Impact(contention, change);
        }
    }

    /** One stream's seat. Leave with {@link #close()} when the stream ends. */
    public final class Member implements AutoCloseable {

        /** Time this member's detector has been busy, over the completed detections. */
        private long busyNanos;
        /** When the running detection started; -1 when none runs. */
        private long busySince = -1;
        /** The other members' busy time when the running detection started. */
        private long othersBusyAtStart;
        private final long joinedNanos = nanoClock.getAsLong();

        private Member() {
        }

        /** The detector of this stream starts on a frame (then {@link #finishDetecting()} measures what it ran beside). */
        public void startDetecting() {
            long now = nanoClock.getAsLong();
            othersBusyAtStart = othersBusyNanos(now);
            synchronized (this) {
                if (busySince >= 0) {
                    // a detection that never finished (it failed): counted as busy until now
                    busyNanos += now - busySince;
                }
                busySince = now;
            }
        }

        /**
         * The detection started by {@link #startDetecting()} is done: the contention it ran under, {@code 1 + slowdown x O} with
         * O the other members' detectors busy during it (their busy time over its duration) — measured, where {@link
         * #contention()} infers it from their duty cycles; empty when no detection was started.
         */
        public OptionalDouble finishDetecting() {
            long now = nanoClock.getAsLong();
            long started;
            synchronized (this) {
                started = busySince;
                if (started < 0) {
                    return OptionalDouble.empty();
                }
                busyNanos += now - started;
                busySince = -1;
            }
            if (now <= started) {
                return OptionalDouble.of(contention());
            }
            double overlap = (othersBusyNanos(now) - othersBusyAtStart) / (double) (now - started);
            return OptionalDouble.of(1 + slowdown * Math.max(0, overlap));
        }

        private synchronized long busyNanos(long now) {
            return busyNanos + (busySince >= 0 ? now - busySince : 0);
        }

        private long othersBusyNanos(long now) {
            long total = 0;
            for (Member m : members) {
                if (m != this) {
                    total += m.busyNanos(now);
                }
            }
            return total;
        }

        /** Whether the streams interact at all (a positive slowdown); else publishing is pointless. */
        public boolean cooperates() {
            return slowdown > 0;
        }

        /**
         * Members that joined within {@link #STALE_AFTER_NANOS} and have not published yet: streams starting now (all of a
         * process's cameras start together after a restart), assumed to run like this one until they say otherwise.
         */
        private int newcomers(long now) {
            int n = 0;
            for (Member m : members) {
                if (m != this && !shares.containsKey(m) && now - m.joinedNanos <= STALE_AFTER_NANOS) {
                    n++;
                }
            }
            return n;
        }

        public void publish(double duty, double[] realtimeApAtLoad) {
            shares.put(this, new Share(clampDuty(duty), realtimeApAtLoad, nanoClock.getAsLong()));
        }

        /** How much slower than alone a detector of this stream runs now, by the others' duty cycles. */
        public double contention() {
            return view().contention();
        }

        /**
         * The other members as they stand now: one decision reads them once, so it sees one state of the cores while the
         * other streams keep publishing.
         */
        public View view() {
            long now = nanoClock.getAsLong();
            return new View(slowdown, others(now), newcomers(now));
        }

        /** The other members' shares that are current. */
        private List<Share> others(long now) {
            List<Share> out = new ArrayList<>();
            shares.forEach((m, s) -> {
                if (m != this && now - s.publishedNanos() <= STALE_AFTER_NANOS) {
                    out.add(s);
                }
            });
            return out;
        }

        @Override
        public void close() {
            shares.remove(this);
            members.remove(this);
        }
    }
}
