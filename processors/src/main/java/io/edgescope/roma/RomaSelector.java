package io.edgescope.roma;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * ROMA for one stream: fed every processed frame's boxes and latency, it re-estimates each
 * candidate's real-time AP periodically, when the latency moves or when the objects' sizes do, and switches to the lightest
 * candidate near the best estimate with hysteresis (a margin, and at least {@link RomaSettings#reselectEveryFrames()} frames per
 * variant unless latency jumps). On cores shared with other ROMA streams ({@link SharedCores}) a candidate is judged by the
 * load it would add: its latency under the contention it would cause, plus the change it would cause in the other streams'
 * real-time AP. Mutable, not thread-safe; one per stream.
 */
public final class RomaSelector {

    public static final String PRIOR = "prior";
    public static final String FIRST = "first";
    public static final String PERIODIC = "periodic";
    public static final String LATENCY = "latency-changed";
    public static final String SCENE = "scene-changed";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_FRAMES = 2000;
    private static final double WARM_UP_INTERVAL_MILLIS = 40;
    private static final int WARM_UP_FRAME_SIDE = 640;
    private static final double WARM_UP_BOX = 32;
    /**
     * Fresh selectors whose first decision (from the profile alone, before any frame: a path of its own) the warm-up takes:
     * with only the two streams' own, a live run's first decisions still took 0.7–2.1 ms of CPU where the others take ~0.2.
     */
    private static final int WARM_UP_PRIORS = 500;
    /**
     * The warm-up takes half its throwaway first decisions before the synthetic frames and the rest one pair every this many
     * frames: taken only before, the JIT compiler's final code for the estimator was built from frames with boxes, and a live
     * run's first decisions (an empty histogram) hit its untaken branches — a deoptimisation in the size distribution, up to
     * 4.8 ms (bench roma-live under a profiler: its first round's first decisions at most 0.4–4.8 ms per run, the second round's at
     * most 0.8).
     */
    private static final int WARM_UP_PRIOR_EVERY_FRAMES = WARM_UP_FRAMES / (WARM_UP_PRIORS / 2);

    private final AccuracyProfile profile;
    private final RomaSettings settings;
    private final SizeHistogram sizes;
    private final MotionModel motion;
    private final LatencyTracker latency;
    private final Hindsight hindsight;
    private final SharedCores.Member cores;
    private double[] response;
    private String current;
    private List<Box> previousBoxes = List.of();
    private long previousFrame = -1;
    private int sinceDecision;
    private double latencyAtDecision = Double.NaN;
    private double[] sharesAtDecision;
    private boolean decided;
    private boolean priorTaken;

    /** A selector for a stream alone on its cores. */
    public RomaSelector(AccuracyProfile profile, RomaSettings settings, String initialVariant) {
        this(profile, settings, initialVariant, Hindsight.NONE, SharedCores.alone());
    }

    /** A selector for a stream that shares the cores with the other members of {@code cores}. */
    public RomaSelector(AccuracyProfile profile, RomaSettings settings, String initialVariant, SharedCores.Member cores) {
        this(profile, settings, initialVariant, Hindsight.NONE, cores);
    }

    /** A selector given some of its inputs from hindsight (benchmarks only: what each estimate costs). */
    public RomaSelector(AccuracyProfile profile, RomaSettings settings, String initialVariant, Hindsight hindsight) {
        this(profile, settings, initialVariant, hindsight, SharedCores.alone());
    }

    private RomaSelector(AccuracyProfile profile, RomaSettings settings, String initialVariant, Hindsight hindsight,
                         SharedCores.Member cores) {
        this.profile = profile;
        this.hindsight = hindsight;
        this.cores = cores;
        this.settings = settings;
        this.sizes = new SizeHistogram(profile.buckets(), settings.histogramDecay());
        this.motion = new MotionModel(settings.motionSamples(), settings.priorBeta());
        this.latency = new LatencyTracker(profile, settings.latencyWindow(), true, settings.speedHalfLifeFrames());
        this.current = profile.variant(initialVariant).variantId();
    }

    /**
     * Takes the first decision of many throwaway selectors, alone and on throwaway shared cores, before and between the
     * synthetic frames two of them run over (boxes drifting across a frame, the lightest candidate's offline latency), so that a process's first
     * real decisions do not pay for class loading and the first compilation of the estimator and of the cooperation on shared
     * cores: without it, the first decision of a run took
     * 3.4–6.8 ms where the others take tens of microseconds, and warmed up alone, a camera's first decisions beside others
     * still took up to 1.3 ms of CPU (bench roma-live, 4 cameras).
     *
     * @return the decisions taken
     */
    public static int warmUp(AccuracyProfile profile, RomaSettings settings) {
        SharedCores cores = new SharedCores(settings.contentionSlowdown());
        String lightest = profile.byLatency().get(0);
        try (SharedCores.Member one = cores.join(); SharedCores.Member other = cores.join()) {
            List<RomaSelector> selectors = List.of(new RomaSelector(profile, settings, lightest, one),
                    new RomaSelector(profile, settings, lightest, other));
            double interval = WARM_UP_INTERVAL_MILLIS;
            int decisions = 0;
            for (int i = 0; i < WARM_UP_PRIORS / 2; i++) {
                decisions += priors(profile, settings, lightest, other, interval);
            }
            for (RomaSelector selector : selectors) {
                decisions += selector.decide(interval).isPresent() ? 1 : 0;
            }
            for (int f = 0; f < WARM_UP_FRAMES; f++) {
                if (f % WARM_UP_PRIOR_EVERY_FRAMES == 0) {
                    decisions += priors(profile, settings, lightest, other, interval);
                }
                List<Box> boxes = List.of(new Box(f % WARM_UP_FRAME_SIDE, WARM_UP_BOX, WARM_UP_BOX, 2 * WARM_UP_BOX),
                        new Box(WARM_UP_FRAME_SIDE - f % WARM_UP_FRAME_SIDE, 2 * WARM_UP_BOX, WARM_UP_BOX / 2, WARM_UP_BOX));
                for (RomaSelector selector : selectors) {
                    String running = selector.current();
                    selector.detecting();
                    selector.observe(running, boxes, WARM_UP_FRAME_SIDE, WARM_UP_FRAME_SIDE, f, profile.variant(running).latencyMillis());
                    decisions += selector.decide(interval).isPresent() ? 1 : 0;
                }
            }
            return decisions;
        }
    }

    /** The first decision of a throwaway selector alone and of one on the member's cores: the decisions taken. */
    private static int priors(AccuracyProfile profile, RomaSettings settings, String lightest, SharedCores.Member member, double interval) {
        int decisions = new RomaSelector(profile, settings, lightest).decide(interval).isPresent() ? 1 : 0;
        return decisions + (new RomaSelector(profile, settings, lightest, member).decide(interval).isPresent() ? 1 : 0);
    }

    public String current() {
        return current;
    }

    /**
     * This stream's detector starts on a frame: on shared cores the contention the detection runs under is then measured
     * (the other streams' detectors busy meanwhile) when it is {@linkplain #observe observed}, not inferred from their duty cycles.
     */
    public void detecting() {
        cores.startDetecting();
    }

    /** One processed frame with no time spent on it besides the detector's (see the next). */
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis) {
        observe(variantId, boxes, frameWidth, frameHeight, frameIndex, latencyMillis, 0);
    }

    /**
     * One processed frame: the variant that ran, its boxes (classes of interest), the frame's size and index, its detector's
     * latency, and the stream's time on the frame besides the detector (decoding it: added to every candidate's latency).
     */
    public void observe(String variantId, List<Box> boxes, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                        double overheadMillis) {
        sizes.observe(boxes, frameWidth, frameHeight);
        if (previousFrame >= 0 && frameIndex > previousFrame) {
            motion.observe(previousBoxes, boxes, (int) Math.min(Integer.MAX_VALUE, frameIndex - previousFrame));
        }
        previousBoxes = List.copyOf(boxes);
        previousFrame = frameIndex;
        SharedCores.View others = cores.view();
        double measured = cores.finishDetecting().orElse(others.contention());
        // streams that have not published yet are in the measurement but not in the duty cycles: no overlap to learn from it
        double modelled = others.newcomers() > 0 ? measured : others.contention();
        latency.observe(variantId, latencyMillis, measured, overheadMillis, modelled);
        sinceDecision++;
    }

    /**
     * A new decision when one is due, else empty: before any frame (once, from the profile alone: each variant's overall
     * AP and offline latency, when the caller knows the frame interval in advance), after the first frame observed,
     * periodically, or when latency or the objects' sizes moved.
     */
    public Optional<Decision> decide(double intervalMillis) {
        // the other streams as published now, read once: every use below sees the same state of the cores
        SharedCores.View others = cores.view();
        // the others' detections may overlap this stream's more (or less) than their duty cycles say — cameras of one frame
        // rate keep one phase, and in step their inferences start together: as measured over the latency window, that
        // scales the modelled contention, now and for every candidate
        double overlap = latency.overlapFactor();
        double contention = others.contention() * overlap;
        String reason = dueReason(contention);
        if (reason == null) {
            publish(intervalMillis, contention);
            return Optional.empty();
        }
        long started = System.nanoTime();
        long startedCpu = cpuNanos();
        double[] shares = shares();
        ToDoubleFunction<VariantAccuracy> accuracy = hindsight.accuracyAt(previousFrame)
                .<ToDoubleFunction<VariantAccuracy>>map(truth -> v -> truth.applyAsDouble(v.variantId()))
                .orElse(v -> RomaEstimator.expectedAp(v, shares));
        double dutyNow = latency.estimate(current, contention) / intervalMillis;
        Map<String, SharedCores.Impact> impacts = new HashMap<>();
        for (String id : profile.variants().keySet()) {
            impacts.put(id, others.impactOf(dutyNow, after -> latency.estimate(id, after * overlap) / intervalMillis));
        }
        double stayChange = impacts.get(current).othersApChange();
        IntToDoubleFunction retention = motion.retentionNow(settings.iouThreshold());
        List<Estimate> estimates = RomaEstimator.estimateWithAccuracy(profile, accuracy,
                hindsight.latencyAt(previousFrame).orElse(id -> latency.samples(id, impacts.get(id).contention() * overlap)),
                intervalMillis, retention, settings.retentionExponent());
        // each candidate's own estimate plus what it would change for the other streams, against staying
        ToDoubleFunction<Estimate> score = e -> e.realtimeAp() + impacts.get(e.variantId()).othersApChange() - stayChange;
        Estimate best = lightestNearTheTop(estimates, score);
        Estimate now = estimateOf(estimates, current);
        String previous = current;
        // the margin keeps a stream from flapping between close candidates; the first choices replace an arbitrary start
        double margin = FIRST.equals(reason) || PRIOR.equals(reason) ? 0 : settings.switchMargin();
        if (!best.variantId().equals(current) && score.applyAsDouble(best) > score.applyAsDouble(now) * (1 + margin)) {
            current = best.variantId();
        }
        priorTaken = true;
        decided = !PRIOR.equals(reason);
        sinceDecision = 0;
        latencyAtDecision = latency.estimate(current, contention);
        // as the variant now running sees them, so a switch alone does not look like a change of scene
        sharesAtDecision = shares();
        if (cores.cooperates()) {
            double expected = accuracy.applyAsDouble(profile.variant(current));
            // with no one else on the cores yet, what more load would cost is not worth its decision time: published as flat
            response = others.hasOthers() ? response(expected, intervalMillis, contention, retention)
                    : flatResponse(estimateOf(estimates, current).realtimeAp());
            publish(intervalMillis, contention);
        }
        Map<String, Double> othersChange = new TreeMap<>();
        impacts.forEach((id, impact) -> othersChange.put(id, impact.othersApChange()));
        return Optional.of(new Decision(previousFrame, current, previous, reason, estimates, shares, latency.loadFactor() * contention,
                motion.medianSpeed(), intervalMillis, System.nanoTime() - started, startedCpu < 0 ? -1 : cpuNanos() - startedCpu,
                othersChange));
    }

    private static Estimate estimateOf(List<Estimate> estimates, String variantId) {
        return estimates.stream().filter(e -> e.variantId().equals(variantId)).findFirst().orElseThrow();
    }

    /** The running variant's estimated real-time AP were its detector each of the shared cores' response loads slower than now. */
    private double[] response(double expectedAp, double intervalMillis, double contention, IntToDoubleFunction retention) {
        double[] samples = latency.samples(current, contention);
        double[] out = new double[SharedCores.RESPONSE_LOADS.length];
        for (int i = 0; i < out.length; i++) {
            double load = SharedCores.RESPONSE_LOADS[i];
            double[] slower = Arrays.stream(samples).map(l -> l * load).toArray();
            out[i] = expectedAp * RomaEstimator.factor(StalenessModel.weights(slower, intervalMillis), retention, settings.retentionExponent());
        }
        return out;
    }

    private static double[] flatResponse(double realtimeAp) {
        double[] out = new double[SharedCores.RESPONSE_LOADS.length];
        Arrays.fill(out, realtimeAp);
        return out;
    }

    /**
     * Tells the other streams on the cores how busy this stream's detector keeps them (at the {@code contention} it runs under)
     * and what more load would cost it.
     */
    private void publish(double intervalMillis, double contention) {
        if (response != null) {
            cores.publish(latency.estimate(current, contention) / intervalMillis, response);
        }
    }

    /**
     * Where ROMA moves when it moves: the lightest candidate (estimated latency now) whose estimated real-time AP is within the
     * lighter tolerance of the best estimate — closer than that the estimates do not tell candidates apart, and the lighter
     * one overruns the frame interval less when the load rises and leaves more of the cores to the other streams. A running
     * variant is left only for a target that beats it by the switch margin, so the tolerance alone never steps it down.
     */
    private Estimate lightestNearTheTop(List<Estimate> estimates, ToDoubleFunction<Estimate> score) {
        double top = estimates.stream().mapToDouble(score).max().orElseThrow();
        return estimates.stream().filter(e -> score.applyAsDouble(e) >= top * (1 - settings.lighterTolerance()))
                .min(Comparator.comparingDouble(Estimate::latencyMillis)).orElseThrow();
    }

    /** The current thread's CPU time, or -1 where the JVM does not measure it. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private String dueReason(double contention) {
        if (previousFrame < 0) {
            return priorTaken ? null : PRIOR;
        }
        if (!decided) {
            return FIRST;
        }
        if (sinceDecision >= settings.reselectEveryFrames()) {
            return PERIODIC;
        }
        double nowLatency = latency.estimate(current, contention);
        if (sinceDecision > 0 && Math.abs(nowLatency - latencyAtDecision) > settings.latencyTrigger() * latencyAtDecision) {
            return LATENCY;
        }
        if (sinceDecision > 0 && sceneMoved()) {
            return SCENE;
        }
        return null;
    }

    /** The estimated share of objects per size, as the running variant sees them (null before any object). */
    private double[] shares() {
        return sizes.distribution(profile.variants().get(current)).orElse(null);
    }

    /** Whether the share of objects per size moved by more than the scene trigger (total variation distance) since the last decision. */
    private boolean sceneMoved() {
        double[] now = shares();
        if (now == null || sharesAtDecision == null) {
            return now != sharesAtDecision;
        }
        double moved = 0;
        for (int b = 0; b < now.length; b++) {
            moved += Math.abs(now[b] - sharesAtDecision[b]);
        }
        return moved / 2 > settings.sceneTrigger();
    }
}
